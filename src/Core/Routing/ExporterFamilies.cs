using Gateway.Core.Metrics;
using Gateway.Core.Streaming;
using Gateway.Core.Telemetry;

namespace Gateway.Core.Routing;

/// <summary>
/// The push exporters' self-metrics on <c>/metrics</c>: per exporter <c>gateway_outbox_depth</c>,
/// <c>gateway_outbox_dead_letters_total</c>, <c>gateway_exporter_sent_total</c>,
/// <c>gateway_exporter_retries_total</c>, <c>gateway_exporter_up</c>, and <c>gateway_exporter_dropped_total{kind}</c> —
/// <c>kind="events"</c> for notifications and node events the outbox quota dropped,
/// <c>kind="metrics"</c> for node snapshots a metric-stream queue dropped.
/// </summary>
public sealed class ExporterFamilies : IMetricFamilyProvider
{
    private readonly ExporterPipelines _pipelines;
    private readonly MetricStream? _stream;

    public ExporterFamilies(ExporterPipelines pipelines, MetricStream? stream = null)
    {
        _pipelines = pipelines;
        _stream = stream;
    }

    public IEnumerable<MetricFamily> Collect()
    {
        var statistics = _pipelines.Statistics.ToArray();
        yield return Family("gateway_outbox_depth", MetricType.Gauge, "Events waiting in an exporter's durable outbox.",
            statistics.Select(s => (Labels(s.Exporter), (double)s.Depth)));
        yield return Family("gateway_outbox_dead_letters_total", MetricType.Counter, "Events an exporter rejected for good (dead-lettered).",
            statistics.Select(s => (Labels(s.Exporter), (double)s.DeadLettered)));
        yield return Family("gateway_exporter_sent_total", MetricType.Counter, "Events an exporter delivered.",
            statistics.Select(s => (Labels(s.Exporter), (double)s.Delivered)));
        yield return Family("gateway_exporter_up", MetricType.Gauge, "1 while the peer accepts the exporter; 0 while it refuses it (401/403: a wrong or revoked key), the events waiting.",
            statistics.Select(s => (Labels(s.Exporter), s.Failing ? 0d : 1d)));
        yield return Family("gateway_exporter_retries_total", MetricType.Counter, "Delivery attempts that will be retried.",
            statistics.Select(s => (Labels(s.Exporter), (double)s.Retries)));
        var streams = _stream?.Subscriptions ?? [];
        yield return Family("gateway_exporter_dropped_total", MetricType.Counter,
            "Dropped before delivery: kind=events, notifications and node events over the outbox quota (alarms are never dropped); kind=metrics, node snapshots replaced or pushed out of a full metric-stream queue.",
            statistics.Select(s => (Labels(s.Exporter, "events"), (double)s.Dropped))
                .Concat(streams.Select(s => (Labels(s.Exporter, "metrics"), (double)s.Dropped))));
    }

    private static LabelSet Labels(string exporter) => LabelSet.Create(new Label("exporter", exporter));

    private static LabelSet Labels(string exporter, string kind) => LabelSet.Create(new Label("exporter", exporter), new Label("kind", kind));

    private static MetricFamily Family(string name, MetricType type, string help, IEnumerable<(LabelSet Labels, double Value)> rows) =>
        new(name, type, help, rows.Select(r => new Sample(name, r.Labels, r.Value)).ToArray());
}
