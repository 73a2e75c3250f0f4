namespace Gateway.Core.Events;

/// <summary>
/// The one spelling of event kinds wherever the gateway writes them — the HTTP API, records, labels,
/// exporters' fields: snake_case (<c>raised</c>, <c>severity_changed</c> …, <c>notification</c>,
/// <c>node_up</c>, <c>node_down</c>, <c>node_removed</c>), as an exporter's <c>events</c> key takes them.
/// </summary>
public static class EventNames
{
    public static string Of(AlarmEventKind kind) => kind switch
    {
        AlarmEventKind.Raised => "raised",
        AlarmEventKind.SeverityChanged => "severity_changed",
        AlarmEventKind.Cleared => "cleared",
        AlarmEventKind.Acknowledged => "acknowledged",
        AlarmEventKind.Unacknowledged => "unacknowledged",
        AlarmEventKind.Commented => "commented",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Of(NodeEventKind kind) => kind switch
    {
        NodeEventKind.Up => "node_up",
        NodeEventKind.Down => "node_down",
        NodeEventKind.Removed => "node_removed",
        _ => "node_" + kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The kind of whatever <paramref name="e"/> holds; <c>notification</c> for a notification.</summary>
    public static string Of(GatewayEvent e) =>
        e.Alarm is { } a ? Of(a.Kind)
        : e.NodeChange is { } n ? Of(n.Kind)
        : "notification";
}
