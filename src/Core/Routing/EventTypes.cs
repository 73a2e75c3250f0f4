namespace Gateway.Core.Routing;

/// <summary>
/// The kinds of events a push exporter can be given, as flags for the <c>events</c> filter. Config
/// names: <see cref="EventVocabulary.Standard"/>.
/// </summary>
[Flags]
public enum EventTypes
{
    None = 0,
    Raised = 1 << 0,
    SeverityChanged = 1 << 1,
    Cleared = 1 << 2,
    Acknowledged = 1 << 3,
    Unacknowledged = 1 << 4,
    Commented = 1 << 5,
    Notification = 1 << 6,
    NodeUp = 1 << 7,
    NodeDown = 1 << 8,
    NodeRemoved = 1 << 9,

    /// <summary>Every step of an alarm's lifecycle.</summary>
    Alarms = Raised | SeverityChanged | Cleared | Acknowledged | Unacknowledged | Commented,

    /// <summary>Every node lifecycle event.</summary>
    Nodes = NodeUp | NodeDown | NodeRemoved,

    All = Alarms | Notification | Nodes,
}
