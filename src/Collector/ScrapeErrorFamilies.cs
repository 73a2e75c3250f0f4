using Gateway.Core.Metrics;
using Gateway.Core.Telemetry;

namespace Gateway.Collector;

/// <summary>
/// Renders the collector's error counters as <c>gateway_scrape_errors_total{instance,job,reason}</c>:
/// one series per node, so a family merged with the nodes' rather than a <see cref="SelfMetrics"/> counter
/// (whose series all carry the gateway's own <c>instance</c>/<c>job</c>).
/// </summary>
internal sealed class ScrapeErrorFamilies(ScrapeStatistics statistics) : IMetricFamilyProvider
{
    private const string Name = "gateway_scrape_errors_total";

    public IEnumerable<MetricFamily> Collect()
    {
        var counts = statistics.ErrorCounts();
        var samples = new Sample[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            var count = counts[i];
            samples[i] = new Sample(
                Name,
                LabelSet.Create(new Label("instance", count.Node.Instance), new Label("job", count.Node.Job), new Label("reason", count.Reason)),
                count.Count);
        }
        return [new MetricFamily(Name, MetricType.Counter, "Failed collections per node and reason.", samples)];
    }
}
