using System.Collections.Concurrent;
using Gateway.Core.Nodes;
using Gateway.Core.Telemetry;

namespace Gateway.Collector;

/// <summary>
/// What the collector counts beside the <see cref="Gateway.Core.Store.MetricStore"/>: failed collections
/// per node and reason (<c>gateway_scrape_errors_total</c>, rendered per node by
/// <see cref="ScrapeErrorFamilies"/> from <see cref="ErrorCounts"/>; a removed node's counters go with it),
/// and how long collections take per job (the <see cref="SelfMetrics"/> histogram
/// <c>gateway_collection_duration_seconds{scrape_job}</c>). Thread-safe.
/// </summary>
public sealed class ScrapeStatistics
{
    /// <summary>The histogram of collection durations.</summary>
    public const string CollectionDuration = "gateway_collection_duration_seconds";

    /// <summary>Upper bounds (seconds): from a quick agent RPC to the longest timeouts.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly ConcurrentDictionary<NodeKey, ConcurrentDictionary<string, StrongBox>> _errors = new();
    private readonly Prometheus.Histogram? _durations;

    /// <summary>Counts errors only (no histogram).</summary>
    public ScrapeStatistics()
    {
    }

    /// <param name="metrics">Where <c>gateway_collection_duration_seconds</c> is created; null for none.</param>
    public ScrapeStatistics(SelfMetrics? metrics)
    {
        // "scrape_job", as Prometheus labels its own per-job metrics: "job" is the gateway's own label.
        _durations = metrics?.CreateHistogram(
            CollectionDuration,
            "How long collections took, successful or not, by the job of the node.",
            DurationBuckets,
            "scrape_job");
    }

    /// <summary>One collection of <paramref name="node"/> ended (either way) after <paramref name="duration"/>.</summary>
    public void RecordCollection(NodeKey node, TimeSpan duration) =>
        _durations?.WithLabels(node.Job).Observe(duration.TotalSeconds);

    public void RecordError(NodeKey node, string reason)
    {
        var reasons = _errors.GetOrAdd(node, static _ => new ConcurrentDictionary<string, StrongBox>(StringComparer.Ordinal));
        var box = reasons.GetOrAdd(reason, static _ => new StrongBox());
        Interlocked.Increment(ref box.Value);
    }

    /// <summary>Forgets a node's counters (the node left discovery).</summary>
    public void Remove(NodeKey node) => _errors.TryRemove(node, out _);

    /// <summary>A point-in-time copy of every counter, ordered by job, instance, reason.</summary>
    public IReadOnlyList<ScrapeErrorCount> ErrorCounts()
    {
        var list = new List<ScrapeErrorCount>();
        foreach (var (node, reasons) in _errors)
        {
            foreach (var (reason, box) in reasons)
            {
                list.Add(new ScrapeErrorCount(node, reason, Interlocked.Read(ref box.Value)));
            }
        }
        list.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Node.Job, b.Node.Job);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Node.Instance, b.Node.Instance);
            }
            return c != 0 ? c : string.CompareOrdinal(a.Reason, b.Reason);
        });
        return list;
    }

    /// <summary>The count for one node and reason (0 when never failed that way).</summary>
    public long ErrorCount(NodeKey node, string reason) =>
        _errors.TryGetValue(node, out var reasons) && reasons.TryGetValue(reason, out var box)
            ? Interlocked.Read(ref box.Value)
            : 0;

    private sealed class StrongBox
    {
        public long Value;
    }
}
