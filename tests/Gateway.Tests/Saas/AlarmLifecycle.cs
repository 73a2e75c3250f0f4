using Gateway.Core.Events;

namespace Gateway.Tests.Saas;

/// <summary>Alarm lifecycles for the HTTP exporters' tests.</summary>
public static class AlarmLifecycle
{
    public static readonly DateTimeOffset Raised = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static Alarm Alarm(string resource = "/var", Severity severity = Severity.Major, string node = "n1@host", string type = "disk_full", string? group = null) =>
        new(Gateway.Core.Alarms.AlarmId.For(node, type, resource), node, type, resource, severity, $"disk {resource} is 97% full", Raised, Raised, 97, 90, Group: group);

    public static GatewayEvent Event(AlarmEventKind kind, Alarm alarm, Severity previous, DateTimeOffset time, string? comment = null) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), kind, alarm, previous, time, comment));

    /// <summary>raise (major) → severity change (critical) → acknowledge → comment → clear.</summary>
    public static GatewayEvent[] Lifecycle(string resource = "/var")
    {
        var alarm = Alarm(resource);
        var critical = alarm with { Severity = Severity.Critical, UpdatedAt = Raised.AddMinutes(1) };
        return
        [
            Event(AlarmEventKind.Raised, alarm, Severity.Cleared, Raised),
            Event(AlarmEventKind.SeverityChanged, critical, Severity.Major, Raised.AddMinutes(1)),
            Event(AlarmEventKind.Acknowledged, critical with { Acknowledged = true }, Severity.Critical, Raised.AddMinutes(2), "looking"),
            Event(AlarmEventKind.Commented, critical with { Acknowledged = true }, Severity.Critical, Raised.AddMinutes(3), "disk ordered"),
            Event(AlarmEventKind.Cleared, critical with { Severity = Severity.Cleared }, Severity.Critical, Raised.AddMinutes(4)),
        ];
    }

    public static GatewayEvent Notification() =>
        GatewayEvent.From(new Notification(Guid.NewGuid(), "n1@host", Raised, "error", "boom", new Dictionary<string, string>(), "logger"));

    public static GatewayEvent NodeDown() => GatewayEvent.From(new NodeEvent(Guid.NewGuid(), "n1@host", NodeEventKind.Down, Raised, "timeout"));
}
