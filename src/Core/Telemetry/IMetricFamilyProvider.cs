using Gateway.Core.Metrics;

namespace Gateway.Core.Telemetry;

/// <summary>
/// Extra families rendered on <c>/metrics</c> beside the nodes' series, collected on every scrape
/// (e.g. the collector's <c>gateway_scrape_errors_total</c>). The exporter merges them by name with
/// everything else. A sample that carries no <c>instance</c>/<c>job</c> label gets the gateway's own;
/// a sample that has them (a per-node counter) keeps them as they are.
/// </summary>
public interface IMetricFamilyProvider
{
    /// <summary>Called on every scrape; must be cheap and thread-safe.</summary>
    IEnumerable<MetricFamily> Collect();
}
