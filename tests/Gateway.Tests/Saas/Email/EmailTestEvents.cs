using Gateway.Core.Events;

namespace Gateway.Tests.Saas.Email;

/// <summary>Alarm lifecycles, notifications and node events for the e-mail tests.</summary>
internal static class EmailTestEvents
{
    public static Alarm Alarm(string id = "a1b2c3d4", string node = "rabbit@db1", string type = "memory_high", string resource = "total", Severity severity = Severity.Critical, DateTimeOffset? at = null)
    {
        var time = at ?? new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        return new Alarm(id, node, type, resource, severity, "memory use above 90 %", time, time, 97.5, 90);
    }

    public static GatewayEvent Raised(Alarm alarm) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Raised, alarm, Severity.Cleared, alarm.RaisedAt));

    public static GatewayEvent Changed(Alarm alarm, Severity to, DateTimeOffset at) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.SeverityChanged, alarm with { Severity = to, UpdatedAt = at }, alarm.Severity, at));

    public static GatewayEvent Cleared(Alarm alarm, DateTimeOffset at) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Cleared, alarm with { Severity = Severity.Cleared, UpdatedAt = at }, alarm.Severity, at));

    public static GatewayEvent Commented(Alarm alarm, string comment, DateTimeOffset at) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Commented, alarm with { UpdatedAt = at }, alarm.Severity, at, comment));

    public static GatewayEvent Notification(string message, DateTimeOffset at, string node = "rabbit@db1") =>
        GatewayEvent.From(new Notification(Guid.NewGuid(), node, at, "error", message, new Dictionary<string, string> { ["pid"] = "<0.42.0>" }, "logger"));

    public static GatewayEvent NodeDown(string node, DateTimeOffset at) =>
        GatewayEvent.From(new NodeEvent(Guid.NewGuid(), node, NodeEventKind.Down, at, "timeout"));
}
