using Gateway.Core.Metrics;
using Gateway.Core.Nodes;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// Each node's pre-encoded <c>instance</c>/<c>job</c>/target labels, kept across renders (they change
/// only when the target's labels do) so a scrape of 10,000 nodes does not rebuild 10,000 of them.
/// Thread-safe; nodes no longer rendered are forgotten when the cache outgrows the node count.
/// </summary>
internal sealed class NodeLabelsCache(LabelSetEncodings encodings)
{
    private readonly Dictionary<NodeKey, Entry> _entries = [];
    private readonly Lock _lock = new();
    private long _render;

    /// <summary>Marks the start of a render; entries not used since the previous mark may be dropped.</summary>
    public long BeginRender() => Interlocked.Increment(ref _render);

    public SeriesLabels Get(NodeSnapshot snapshot, long render)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(snapshot.Node, out var entry) && ReferenceEquals(entry.TargetLabels, snapshot.TargetLabels))
            {
                entry.LastRender = render;
                return entry.Labels;
            }
            var labels = SeriesLabels.ForNode(snapshot.Node, snapshot.TargetLabels, encodings);
            _entries[snapshot.Node] = new Entry(snapshot.TargetLabels, labels) { LastRender = render };
            return labels;
        }
    }

    /// <summary>After a render that saw <paramref name="nodes"/> nodes: drops entries older than it once there are too many.</summary>
    public void EndRender(long render, int nodes)
    {
        encodings.EndRender();
        lock (_lock)
        {
            if (_entries.Count <= (2 * nodes) + 64)
            {
                return;
            }
            var stale = new List<NodeKey>();
            foreach (var (key, entry) in _entries)
            {
                if (entry.LastRender < render)
                {
                    stale.Add(key);
                }
            }
            foreach (var key in stale)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry(LabelSet targetLabels, SeriesLabels labels)
    {
        public LabelSet TargetLabels { get; } = targetLabels;

        public SeriesLabels Labels { get; } = labels;

        public long LastRender { get; set; }
    }
}
