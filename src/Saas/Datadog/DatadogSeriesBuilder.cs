using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Streaming;

namespace Gateway.Saas.Datadog;

/// <summary>
/// Turns node snapshots into Datadog points. Gauges (and untyped, info, stateset, gauge-histogram series,
/// summary quantiles) go as <c>gauge</c> (3) with their value. Cumulative series — counters, histogram
/// buckets/sum/count, summary sum/count — go as <c>count</c> (1): the increase since the last accepted
/// point, with <c>interval</c> the seconds between the two, as Datadog's own OpenMetrics check sends
/// Prometheus counters (so <c>.as_count()</c>, <c>sum</c> and rollups mean what they say). The first sight
/// of a series only sets its baseline; a value below the baseline is a counter reset and counts from zero.
/// A baseline moves only when its point is accepted, so a failed request's increase is in the next delta.
/// Not thread-safe: the kit's metric loop calls one export at a time.
/// </summary>
public sealed class DatadogSeriesBuilder
{
    /// <summary>A node not seen for this long is forgotten (its baselines with it).</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private readonly DatadogMetricSelection _selection;
    private readonly IReadOnlyList<string> _tags;
    private readonly Dictionary<NodeKey, NodeBaselines> _nodes = [];

    public DatadogSeriesBuilder(DatadogMetricSelection selection, IReadOnlyList<string> tags)
    {
        _selection = selection;
        _tags = tags;
    }

    /// <summary>Nodes whose baselines are kept.</summary>
    public int Nodes => _nodes.Count;

    public List<DatadogPoint> Build(IReadOnlyList<StreamedSnapshot> snapshots, DateTimeOffset now)
    {
        var points = new List<DatadogPoint>();
        if (!_selection.Any)
        {
            return points;
        }
        foreach (var snapshot in snapshots)
        {
            Add(snapshot, points);
        }
        foreach (var stale in _nodes.Where(n => now - n.Value.Seen > ForgetAfter).Select(n => n.Key).ToList())
        {
            _nodes.Remove(stale);
        }
        return points;
    }

    private void Add(StreamedSnapshot snapshot, List<DatadogPoint> points)
    {
        var old = _nodes.TryGetValue(snapshot.Node, out var known) ? known.Series : null;
        // Only the series of this snapshot are kept: one that disappeared starts again from a baseline.
        var next = new Dictionary<DatadogSeriesKey, DatadogBaseline>();
        var host = snapshot.Node.Instance;
        var timestamp = snapshot.Time.ToUnixTimeSeconds();
        foreach (var family in snapshot.Families)
        {
            foreach (var sample in family.Samples)
            {
                if (!_selection.Includes(sample.Name) || !double.IsFinite(sample.Value) || sample.Name.EndsWith("_created", StringComparison.Ordinal))
                {
                    continue;
                }
                if (!IsCumulative(family, sample))
                {
                    points.Add(new DatadogPoint(sample.Name, DatadogMetricType.Gauge, null, timestamp, sample.Value, host, Tags(sample.Labels)));
                    continue;
                }
                var key = new DatadogSeriesKey(sample.Name, sample.Labels);
                var seen = new DatadogBaseline(sample.Value, snapshot.Time);
                if (old is null || !old.TryGetValue(key, out var baseline))
                {
                    next[key] = seen;
                    continue;
                }
                next[key] = baseline;
                var delta = sample.Value >= baseline.Value ? sample.Value - baseline.Value : sample.Value;
                var interval = Math.Max(1, (long)Math.Round((snapshot.Time - baseline.Time).TotalSeconds));
                points.Add(new DatadogPoint(sample.Name, DatadogMetricType.Count, interval, timestamp, delta, host, Tags(sample.Labels),
                    new DatadogBaselineUpdate(next, key, seen)));
            }
        }
        _nodes[snapshot.Node] = new NodeBaselines(next, snapshot.Time);
    }

    private static bool IsCumulative(MetricFamily family, Sample sample) => family.Type switch
    {
        MetricType.Counter or MetricType.Histogram => true,
        MetricType.Summary => !string.Equals(sample.Name, family.Name, StringComparison.Ordinal),
        _ => false,
    };

    // Every label but instance (the point's host resource) as name:value, then the configured tags.
    private List<string> Tags(LabelSet labels)
    {
        var tags = new List<string>(labels.Count + _tags.Count);
        foreach (var label in labels.AsSpan())
        {
            if (!string.Equals(label.Name, "instance", StringComparison.Ordinal))
            {
                tags.Add(DatadogEventMapper.Tag(label.Name, label.Value));
            }
        }
        tags.AddRange(_tags);
        return tags;
    }

    private sealed record NodeBaselines(Dictionary<DatadogSeriesKey, DatadogBaseline> Series, DateTimeOffset Seen);
}
