using Gateway.Core.Telemetry;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Routing;
using Gateway.Exporters.Prometheus;

namespace Gateway.Hosting;

/// <summary>
/// The alarm self-metrics: <c>gateway_alarms_active{severity}</c> and <c>gateway_alarm_events_total{event}</c>.
/// </summary>
internal sealed class AlarmFamilies(AlarmManager alarms, CountingEventRouter router) : IMetricFamilyProvider
{
    private static readonly Severity[] Severities = [Severity.Critical, Severity.Major, Severity.Minor, Severity.Warning, Severity.Indeterminate];

    public IEnumerable<MetricFamily> Collect()
    {
        var bySeverity = alarms.CountBySeverity();
        yield return Family("gateway_alarms_active", MetricType.Gauge, "Active alarms by severity.",
            Severities.Select(s => ("severity", Name(s), (double)bySeverity.GetValueOrDefault(s))));
        var events = router.AlarmEventCounts;
        yield return Family("gateway_alarm_events_total", MetricType.Counter, "Alarm lifecycle events since start, by kind.",
            Enum.GetValues<AlarmEventKind>().Select(k => ("event", EventName(k), (double)events.GetValueOrDefault(k))));
    }

    private static MetricFamily Family(string name, MetricType type, string help, IEnumerable<(string Label, string Value, double Number)> rows) =>
        new(name, type, help, rows.Select(r => new Sample(name, LabelSet.Create(new Label(r.Label, r.Value)), r.Number)).ToArray());

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string EventName(AlarmEventKind kind) => kind switch
    {
        AlarmEventKind.Raised => "raised",
        AlarmEventKind.SeverityChanged => "severity_changed",
        AlarmEventKind.Cleared => "cleared",
        AlarmEventKind.Acknowledged => "acknowledged",
        AlarmEventKind.Unacknowledged => "unacknowledged",
        AlarmEventKind.Commented => "commented",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
