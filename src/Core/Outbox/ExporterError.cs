namespace Gateway.Core.Outbox;

/// <summary>An exporter's most recent failure: the exporter's reason (never a key or token) and when it happened.</summary>
public sealed record ExporterError(string Reason, DateTimeOffset Time);
