namespace Gateway.Core.Events;

/// <summary>
/// What push exporters deliver: one of an alarm event, a notification or a node event. The
/// <see cref="Id"/> is the idempotency key; <see cref="OrderingKey"/> groups events whose order must be
/// kept (alarm id for alarm events, node for notifications and node events).
/// </summary>
public sealed record GatewayEvent
{
    private GatewayEvent(Guid id, string orderingKey, DateTimeOffset time)
    {
        Id = id;
        OrderingKey = orderingKey;
        Time = time;
    }

    public Guid Id { get; }

    public string OrderingKey { get; }

    public DateTimeOffset Time { get; }

    public AlarmEvent? Alarm { get; private init; }

    public Notification? Notification { get; private init; }

    public NodeEvent? NodeChange { get; private init; }

    public static GatewayEvent From(AlarmEvent e) => new(e.EventId, e.Alarm.Id, e.Time) { Alarm = e };

    public static GatewayEvent From(Notification n) => new(n.Id, n.Node, n.Time) { Notification = n };

    public static GatewayEvent From(NodeEvent n) => new(n.EventId, n.Node, n.Time) { NodeChange = n };
}
