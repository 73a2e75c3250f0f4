using Gateway.Core.Telemetry;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Routing;
using Gateway.Exporters.Prometheus;

namespace Gateway.Hosting;

/// <summary>
/// The alarm and delivery self-metrics: <c>gateway_alarms_active{severity}</c>,
/// <c>gateway_alarm_events_total{event}</c> and, per push exporter, <c>gateway_outbox_depth</c>,
/// <c>gateway_outbox_dead_letters_total</c>, <c>gateway_exporter_sent_total</c>,
/// <c>gateway_exporter_retries_total</c> and <c>gateway_exporter_dropped_total</c>.
/// </summary>
internal sealed class AlarmFamilies(AlarmManager alarms, CountingEventRouter router, ExporterPipelines pipelines) : IMetricFamilyProvider
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

        var statistics = pipelines.Statistics.ToArray();
        yield return Family("gateway_outbox_depth", MetricType.Gauge, "Events waiting in an exporter's durable outbox.",
            statistics.Select(s => ("exporter", s.Exporter, (double)s.Depth)));
        yield return Family("gateway_outbox_dead_letters_total", MetricType.Counter, "Events an exporter rejected for good (dead-lettered).",
            statistics.Select(s => ("exporter", s.Exporter, (double)s.DeadLettered)));
        yield return Family("gateway_exporter_sent_total", MetricType.Counter, "Events an exporter delivered.",
            statistics.Select(s => ("exporter", s.Exporter, (double)s.Delivered)));
        yield return Family("gateway_exporter_retries_total", MetricType.Counter, "Delivery attempts that will be retried.",
            statistics.Select(s => ("exporter", s.Exporter, (double)s.Retries)));
        yield return Family("gateway_exporter_dropped_total", MetricType.Counter, "Notifications and node events dropped by the outbox quota (alarms are never dropped).",
            statistics.Select(s => ("exporter", s.Exporter, (double)s.Dropped)));
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
