using Gateway.Core.Metrics;

namespace Gateway.Core.Telemetry;

/// <summary>
/// Extra families rendered on <c>/metrics</c> beside the nodes' series, collected on every scrape:
/// families built from live state with per-node labels (e.g. the collector's
/// <c>gateway_scrape_errors_total{instance,job,reason}</c>). The exporter merges them by name with
/// everything else. A sample that carries no <c>instance</c>/<c>job</c> label gets the gateway's own;
/// a sample that has them (a per-node counter) keeps them as they are. Gateway-wide counters, gauges
/// and histograms are <see cref="SelfMetrics"/> instruments instead (see README.md in this folder).
/// </summary>
public interface IMetricFamilyProvider
{
    /// <summary>Called on every scrape; must be cheap and thread-safe.</summary>
    IEnumerable<MetricFamily> Collect();
}
