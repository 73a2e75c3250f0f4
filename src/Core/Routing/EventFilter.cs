using Gateway.Core.Events;

namespace Gateway.Core.Routing;

/// <summary>
/// The routing filters every push exporter takes (<c>minSeverity</c>, <c>events</c>, <c>nodes</c>,
/// <c>groups</c>), applied by the router before an event enters the exporter's outbox. An event passes
/// when it passes all of them:
/// <list type="bullet">
/// <item><c>minSeverity</c>: an alarm event passes when the alarm's new severity or, except for a raise,
/// its previous severity reaches the minimum — so a receiver that saw an alarm also sees it drop below the
/// minimum and clear, and never sees a clear of an alarm it never saw. Notifications and node events are
/// not filtered by severity.</item>
/// <item><c>events</c>: the kind of event is selected.</item>
/// <item><c>nodes</c>: the event's node matches one of the globs.</item>
/// <item><c>groups</c>: the event's node group (alarm, notification or node event) is one of them; an
/// event without a group does not pass.</item>
/// </list>
/// </summary>
public sealed class EventFilter
{
    private readonly Severity? _minSeverity;
    private readonly EventTypes _events;
    private readonly NodeGlob[]? _nodes;
    private readonly HashSet<string>? _groups;

    public EventFilter(Severity? minSeverity = null, EventTypes events = EventTypes.All, IEnumerable<string>? nodes = null, IEnumerable<string>? groups = null)
    {
        _minSeverity = minSeverity;
        _events = events;
        var globs = nodes?.Where(n => !string.IsNullOrEmpty(n)).Select(n => new NodeGlob(n)).ToArray();
        _nodes = globs is { Length: > 0 } ? globs : null;
        var names = groups?.Where(g => !string.IsNullOrEmpty(g)).ToHashSet(StringComparer.Ordinal);
        _groups = names is { Count: > 0 } ? names : null;
    }

    /// <summary>Lets everything through.</summary>
    public static EventFilter All { get; } = new();

    /// <summary>The filter of (validated) options; <paramref name="vocabulary"/> reads their <c>events</c>.</summary>
    public static EventFilter From(PushExporterOptions options, EventVocabulary? vocabulary = null) => new(
        SeverityThreshold.TryParse(options.MinSeverity, out var min) ? min : null,
        (vocabulary ?? EventVocabulary.Standard).Parse(options.Events),
        options.Nodes,
        options.Groups);

    public bool Accepts(GatewayEvent e)
    {
        if ((_events & EventVocabulary.TypeOf(e)) == 0)
        {
            return false;
        }
        if (_minSeverity is { } min && e.Alarm is { } a
            && !(a.Alarm.Severity >= min || (a.Kind != AlarmEventKind.Raised && a.PreviousSeverity >= min)))
        {
            return false;
        }
        if (_nodes is not null && !MatchesNode(NodeOf(e)))
        {
            return false;
        }
        return _groups is null || (GroupOf(e) is { } group && _groups.Contains(group));
    }

    private bool MatchesNode(string node)
    {
        foreach (var glob in _nodes!)
        {
            if (glob.IsMatch(node))
            {
                return true;
            }
        }
        return false;
    }

    private static string NodeOf(GatewayEvent e) =>
        e.Alarm?.Alarm.Node ?? e.Notification?.Node ?? e.NodeChange?.Node ?? string.Empty;

    private static string? GroupOf(GatewayEvent e) =>
        e.Alarm is { } a ? a.Alarm.Group : e.Notification is { } n ? n.Group : e.NodeChange?.Group;
}
