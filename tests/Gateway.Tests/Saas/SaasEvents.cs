using Gateway.Core.Events;

namespace Gateway.Tests.Saas;

/// <summary>Gateway events for the SaaS exporter tests, at a fixed time.</summary>
internal static class SaasEvents
{
    public static readonly DateTimeOffset Time = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    public static Alarm Alarm(string id = "a1b2c3d4e5f60718", Severity severity = Severity.Major, string node = "n1@host", string type = "disk_full", string resource = "/var") =>
        new(id, node, type, resource, severity, "disk /var is 97% full", Time, Time, 97.5, 90, Group: "storage");

    public static GatewayEvent Raised(Alarm? alarm = null, DateTimeOffset? time = null) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Raised, alarm ?? Alarm(), Severity.Cleared, time ?? Time));

    public static GatewayEvent Changed(Alarm alarm, Severity previous) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.SeverityChanged, alarm, previous, Time));

    public static GatewayEvent Cleared(Alarm alarm) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Cleared, alarm with { Severity = Severity.Cleared }, alarm.Severity, Time));

    public static GatewayEvent Acknowledged(Alarm alarm, string comment = "looking") =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Acknowledged, alarm with { Acknowledged = true }, alarm.Severity, Time, comment));

    public static GatewayEvent Unacknowledged(Alarm alarm) =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Unacknowledged, alarm, alarm.Severity, Time));

    public static GatewayEvent Commented(Alarm alarm, string comment = "disk ordered") =>
        GatewayEvent.From(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Commented, alarm, alarm.Severity, Time, comment));

    public static GatewayEvent Notification(string level = "error", string message = "payment service timed out", string node = "n1@host") =>
        GatewayEvent.From(new Notification(Guid.NewGuid(), node, Time, level, message, new Dictionary<string, string> { ["pid"] = "<0.42.0>", ["mfa"] = "pay:run/1" }, "logger", "shop"));

    public static GatewayEvent Node(NodeEventKind kind, string node = "n1@host", string? reason = null) =>
        GatewayEvent.From(new NodeEvent(Guid.NewGuid(), node, kind, Time, reason, "beam", "shop"));
}
