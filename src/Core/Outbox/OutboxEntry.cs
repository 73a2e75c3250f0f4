using Gateway.Core.Events;

namespace Gateway.Core.Outbox;

/// <summary>One stored event: its position in the outbox, its kind and payload size, and the event.</summary>
public sealed record OutboxEntry(long Sequence, EventKind Kind, int Size, GatewayEvent Event);
