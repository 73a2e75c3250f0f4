using System.Collections.Concurrent;
using Gateway.Core.Nodes;

namespace Gateway.Collector;

/// <summary>
/// Counters the collector keeps beside the <see cref="Gateway.Core.Store.MetricStore"/>: failed collections
/// per node and reason (<c>gateway_scrape_errors_total</c>). Thread-safe; a removed node's counters go with it.
/// The Prometheus exporter reads <see cref="ErrorCounts"/>; nothing here depends on a metrics library.
/// </summary>
public sealed class ScrapeStatistics
{
    private readonly ConcurrentDictionary<NodeKey, ConcurrentDictionary<string, StrongBox>> _errors = new();

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
