using Gateway.Core.Telemetry;
using Gateway.Core.Metrics;
using Gateway.Core.Routing;

namespace Gateway.Hosting;

/// <summary>
/// The delivery self-metrics, per push exporter: <c>gateway_outbox_depth</c>,
/// <c>gateway_outbox_dead_letters_total</c>, <c>gateway_exporter_sent_total</c>,
/// <c>gateway_exporter_retries_total</c> and <c>gateway_exporter_dropped_total</c>. (The alarm
/// families moved to Core/Alarms: <c>AlarmMetrics</c>, <c>ActiveAlarmFamilies</c>.)
/// </summary>
internal sealed class AlarmFamilies(ExporterPipelines pipelines) : IMetricFamilyProvider
{
    public IEnumerable<MetricFamily> Collect()
    {
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
}
