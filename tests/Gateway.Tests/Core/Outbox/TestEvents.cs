using Gateway.Core.Events;

namespace Gateway.Tests.Core.Outbox;

internal static class TestEvents
{
    private static readonly DateTimeOffset Time = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static GatewayEvent Notification(string message = "hello", string node = "n1@host") =>
        GatewayEvent.From(new Notification(Guid.NewGuid(), node, Time, "error", message, new Dictionary<string, string> { ["pid"] = "<0.1.0>" }, "logger"));

    public static GatewayEvent Alarm(string type = "disk_full", Severity severity = Severity.Major, string node = "n1@host") =>
        GatewayEvent.From(new AlarmEvent(
            Guid.NewGuid(),
            AlarmEventKind.Raised,
            new Alarm("0123456789abcdef", node, type, "/var", severity, "disk is full", Time, Time, 97.5, 90),
            Severity.Cleared,
            Time));

    public static GatewayEvent NodeDown(string node = "n1@host") => GatewayEvent.From(new NodeEvent(Guid.NewGuid(), node, NodeEventKind.Down, Time, "timeout"));
}
