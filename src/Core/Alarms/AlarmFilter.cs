using Gateway.Core.Events;

namespace Gateway.Core.Alarms;

/// <summary>Filters for the active-alarm list; null members match everything.</summary>
public sealed record AlarmFilter(
    string? Node = null,
    string? Type = null,
    Severity? Severity = null,
    Severity? MinSeverity = null,
    bool? Acknowledged = null)
{
    public bool Matches(Alarm a) =>
        (Node is null || string.Equals(a.Node, Node, StringComparison.Ordinal))
        && (Type is null || string.Equals(a.Type, Type, StringComparison.Ordinal))
        && (Severity is null || a.Severity == Severity)
        && (MinSeverity is null || a.Severity >= MinSeverity)
        && (Acknowledged is null || a.Acknowledged == Acknowledged);
}
