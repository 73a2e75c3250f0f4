using Gateway.Core.Events;

namespace Gateway.Tests.Saas;

/// <summary>Gateway events for the SaaS exporter tests.</summary>
internal static class IncidentEvents
{
    public static readonly DateTimeOffset Time = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    public static Alarm Alarm(string id = "3f0c9a1b2c3d4e5f", Severity severity = Severity.Major, string node = "n1@host", string? group = "mongooseim") =>
        new(id, node, "disk_full", "/var", severity, "disk /var is 97% full", Time, Time, 97.5, 90, Group: group);

    public static GatewayEvent Of(AlarmEventKind kind, Alarm alarm, Severity previous = Severity.Cleared, string? comment = null) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), kind, alarm, previous, Time, comment));

    public static GatewayEvent Raised(Severity severity = Severity.Major, string id = "3f0c9a1b2c3d4e5f") =>
        Of(AlarmEventKind.Raised, Alarm(id, severity));

    /// <summary>raise (major) → critical → acknowledged → unacknowledged → commented → cleared, one alarm.</summary>
    public static GatewayEvent[] Lifecycle(string id = "3f0c9a1b2c3d4e5f")
    {
        var major = Alarm(id, Severity.Major);
        var critical = major with { Severity = Severity.Critical };
        return
        [
            Of(AlarmEventKind.Raised, major),
            Of(AlarmEventKind.SeverityChanged, critical, Severity.Major),
            Of(AlarmEventKind.Acknowledged, critical with { Acknowledged = true }, Severity.Critical, "looking"),
            Of(AlarmEventKind.Unacknowledged, critical, Severity.Critical),
            Of(AlarmEventKind.Commented, critical, Severity.Critical, "disk ordered"),
            Of(AlarmEventKind.Cleared, critical with { Severity = Severity.Cleared }, Severity.Critical),
        ];
    }

    public static GatewayEvent NodeDown(string node = "n1@host") =>
        GatewayEvent.From(new NodeEvent(Guid.NewGuid(), node, NodeEventKind.Down, Time, "timeout", "beam", "mongooseim"));

    public static GatewayEvent Notification(string message = "gen_server crashed") =>
        GatewayEvent.From(new Notification(Guid.NewGuid(), "n1@host", Time, "error", message, new Dictionary<string, string> { ["pid"] = "<0.42.0>" }, "logger"));
}
