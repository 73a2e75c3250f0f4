using Gateway.Core.Events;

namespace Gateway.Core.Outbox;

/// <summary>
/// The on-disk form of a <see cref="GatewayEvent"/>: exactly one member is set. A plain record so the
/// JSON source generator can write and read it without reflection.
/// </summary>
internal sealed record StoredEvent(AlarmEvent? Alarm, Notification? Notification, NodeEvent? Node);
