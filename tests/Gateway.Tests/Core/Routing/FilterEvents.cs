using Gateway.Core.Events;

namespace Gateway.Tests.Core.Routing;

/// <summary>One event of every kind, for the routing filters.</summary>
internal static class FilterEvents
{
    private static readonly DateTimeOffset Time = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static GatewayEvent Alarm(AlarmEventKind kind, Severity severity, Severity previous, string node = "n1@host", string? group = null) =>
        GatewayEvent.From(new AlarmEvent(
            Guid.NewGuid(),
            kind,
            new Alarm("00000000000000" + ((int)kind).ToString("x2", System.Globalization.CultureInfo.InvariantCulture), node, "disk_full", "/var", severity, "disk", Time, Time, Group: group),
            previous,
            Time));

    public static GatewayEvent Notification(string node = "n1@host", string? group = null) =>
        GatewayEvent.From(new Notification(Guid.NewGuid(), node, Time, "error", "boom", new Dictionary<string, string>(), "logger", group));

    public static GatewayEvent Node(NodeEventKind kind, string node = "n1@host", string? group = null) =>
        GatewayEvent.From(new NodeEvent(Guid.NewGuid(), node, kind, Time, kind == NodeEventKind.Down ? "timeout" : null, "beam", group));
}
