using Gateway.Core.Events;

namespace Gateway.Core.Routing;

/// <summary>
/// The names an exporter's <c>events</c> list accepts, each standing for one or more
/// <see cref="EventTypes"/>. Names are case-insensitive. Most exporters take <see cref="Standard"/>; one
/// may offer fewer (SNMP keeps its documented <c>alarms</c>, <c>nodes</c>).
/// </summary>
public sealed class EventVocabulary
{
    private readonly Dictionary<string, EventTypes> _names = new(StringComparer.OrdinalIgnoreCase);

    public EventVocabulary(IEnumerable<(string Name, EventTypes Types)> names)
    {
        var ordered = new List<string>();
        foreach (var (name, types) in names)
        {
            if (!_names.TryAdd(name, types))
            {
                throw new ArgumentException($"event name \"{name}\" is listed twice", nameof(names));
            }
            ordered.Add(name);
        }
        Names = string.Join(", ", ordered);
    }

    /// <summary>
    /// raised, severity_changed, cleared, acknowledged, unacknowledged, commented, notification,
    /// node_up, node_down, node_removed, and the groups alarms (every alarm event) and nodes (every node event).
    /// </summary>
    public static EventVocabulary Standard { get; } = new(
    [
        ("raised", EventTypes.Raised),
        ("severity_changed", EventTypes.SeverityChanged),
        ("cleared", EventTypes.Cleared),
        ("acknowledged", EventTypes.Acknowledged),
        ("unacknowledged", EventTypes.Unacknowledged),
        ("commented", EventTypes.Commented),
        ("notification", EventTypes.Notification),
        ("node_up", EventTypes.NodeUp),
        ("node_down", EventTypes.NodeDown),
        ("node_removed", EventTypes.NodeRemoved),
        ("alarms", EventTypes.Alarms),
        ("nodes", EventTypes.Nodes),
    ]);

    /// <summary>
    /// The alarm kinds and the group <c>alarms</c>, for exporters that send alarms only (Alertmanager, chat
    /// channels): no notifications and no node events (a node going down arrives as the <c>node_down</c> alarm).
    /// </summary>
    public static EventVocabulary Alarms { get; } = new(
    [
        ("raised", EventTypes.Raised),
        ("severity_changed", EventTypes.SeverityChanged),
        ("cleared", EventTypes.Cleared),
        ("acknowledged", EventTypes.Acknowledged),
        ("unacknowledged", EventTypes.Unacknowledged),
        ("commented", EventTypes.Commented),
        ("alarms", EventTypes.Alarms),
    ]);

    /// <summary>The accepted names, comma-separated, for error messages.</summary>
    public string Names { get; }

    public bool TryParse(string? name, out EventTypes types)
    {
        types = EventTypes.None;
        return name is not null && _names.TryGetValue(name.Trim(), out types);
    }

    /// <summary>The types a (validated) list selects: absent or empty = all; unknown names select nothing.</summary>
    public EventTypes Parse(IEnumerable<string>? names)
    {
        if (names is null)
        {
            return EventTypes.All;
        }
        var types = EventTypes.None;
        var any = false;
        foreach (var name in names)
        {
            any = true;
            if (TryParse(name, out var t))
            {
                types |= t;
            }
        }
        return any ? types : EventTypes.All;
    }

    /// <summary>What kind of event <paramref name="e"/> is.</summary>
    public static EventTypes TypeOf(GatewayEvent e)
    {
        if (e.Alarm is { } alarm)
        {
            return alarm.Kind switch
            {
                AlarmEventKind.Raised => EventTypes.Raised,
                AlarmEventKind.SeverityChanged => EventTypes.SeverityChanged,
                AlarmEventKind.Cleared => EventTypes.Cleared,
                AlarmEventKind.Acknowledged => EventTypes.Acknowledged,
                AlarmEventKind.Unacknowledged => EventTypes.Unacknowledged,
                _ => EventTypes.Commented,
            };
        }
        if (e.NodeChange is { } node)
        {
            return node.Kind switch
            {
                NodeEventKind.Up => EventTypes.NodeUp,
                NodeEventKind.Down => EventTypes.NodeDown,
                _ => EventTypes.NodeRemoved,
            };
        }
        return EventTypes.Notification;
    }
}
