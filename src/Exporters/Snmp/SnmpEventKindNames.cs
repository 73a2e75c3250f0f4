using Gateway.Core.Routing;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// Config names of <see cref="SnmpEventKinds"/>: SNMP's documented <c>events</c> values, which the kit's
/// common filter reads through <see cref="Vocabulary"/> (<c>alarms</c> = every alarm event SNMP can send,
/// <c>nodes</c> = node up/down/removed).
/// </summary>
public static class SnmpEventKindNames
{
    public const string Names = "alarms, nodes";

    /// <summary>The names SNMP's <c>events</c> accepts, for the kit's filter and validation.</summary>
    public static EventVocabulary Vocabulary { get; } = new(
        Names.Split(", ").Select(name => (name, TryParse(name, out var kind) ? ToEventTypes(kind) : EventTypes.None)));

    public static bool TryParse(string? text, out SnmpEventKinds kind)
    {
        kind = text?.Trim().ToLowerInvariant() switch
        {
            "alarms" => SnmpEventKinds.Alarms,
            "nodes" => SnmpEventKinds.Nodes,
            _ => SnmpEventKinds.None,
        };
        return kind != SnmpEventKinds.None;
    }

    /// <summary>The kinds a (validated) list selects; null means all.</summary>
    public static SnmpEventKinds From(IEnumerable<string>? names)
    {
        if (names is null)
        {
            return SnmpEventKinds.All;
        }
        var kinds = SnmpEventKinds.None;
        foreach (var name in names)
        {
            if (TryParse(name, out var kind))
            {
                kinds |= kind;
            }
        }
        return kinds;
    }

    public static EventTypes ToEventTypes(SnmpEventKinds kinds) =>
        ((kinds & SnmpEventKinds.Alarms) != 0 ? EventTypes.Alarms : EventTypes.None)
        | ((kinds & SnmpEventKinds.Nodes) != 0 ? EventTypes.Nodes : EventTypes.None);
}
