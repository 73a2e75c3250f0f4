namespace Gateway.Core.Outbox;

/// <summary>An event the exporter rejected for good (or that could not be read back), with the reason.</summary>
public sealed record DeadLetter(long Sequence, Guid EventId, EventKind Kind, string Reason, DateTimeOffset Time, string Payload);
