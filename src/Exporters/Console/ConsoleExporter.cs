using Gateway.Core.Events;
using Gateway.Core.Export;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Console;

/// <summary>
/// Writes alarm events, notifications and node events to the log, one line each. It goes through the
/// outbox like every push exporter, so the log shows exactly what other exporters are sent. Its
/// <c>alarms</c>/<c>notifications</c>/<c>nodeEvents</c> switches say what it accepts; the common filters
/// (<c>minSeverity</c>, <c>events</c>, <c>nodes</c>, <c>groups</c>) are applied by the router.
/// </summary>
public sealed partial class ConsoleExporter : IEventExporter
{
    private readonly ConsoleExporterOptions _options;
    private readonly ILogger _logger;

    public ConsoleExporter(ConsoleExporterOptions options, ILogger<ConsoleExporter> logger)
    {
        _options = options;
        _logger = logger;
    }

    public string Name => "console";

    public bool Accepts(GatewayEvent e) =>
        (e.Alarm is not null && _options.Alarms)
        || (e.Notification is not null && _options.Notifications)
        || (e.NodeChange is not null && _options.NodeEvents);

    public ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        foreach (var e in batch)
        {
            if (e.Alarm is { } a)
            {
                var alarm = a.Alarm;
                var level = LevelOf(a);
                LogAlarm(level, a.Kind, alarm.Severity, alarm.Node, alarm.Type, alarm.Resource, alarm.Id, alarm.Description, a.Comment ?? string.Empty);
            }
            else if (e.Notification is { } n)
            {
                var level = LevelOf(n.Level);
                LogNotification(level, n.Level, n.Node, n.Source, n.Message);
            }
            else if (e.NodeChange is { } node)
            {
                var (level, state) = node.Kind switch
                {
                    NodeEventKind.Up => (LogLevel.Information, "up"),
                    NodeEventKind.Down => (LogLevel.Warning, "down"),
                    _ => (LogLevel.Information, "removed"),
                };
                LogNode(level, state, node.Node, node.Reason ?? string.Empty);
            }
        }
        return ValueTask.FromResult(DeliveryResult.Delivered);
    }

    private static LogLevel LevelOf(AlarmEvent e) => e.Kind switch
    {
        AlarmEventKind.Raised or AlarmEventKind.SeverityChanged => e.Alarm.Severity >= Severity.Major ? LogLevel.Error : LogLevel.Warning,
        _ => LogLevel.Information,
    };

    private static LogLevel LevelOf(string level) => level.ToLowerInvariant() switch
    {
        "emergency" or "alert" or "critical" => LogLevel.Critical,
        "error" => LogLevel.Error,
        "warning" => LogLevel.Warning,
        "debug" => LogLevel.Debug,
        _ => LogLevel.Information,
    };
}
