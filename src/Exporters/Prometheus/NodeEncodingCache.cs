using System.Runtime.CompilerServices;
using Gateway.Core.Nodes;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// A node snapshot's families encoded once per format, keyed by the snapshot object itself: the store
/// swaps whole snapshots, so a new reference means new data, and an entry goes away with the snapshot
/// it belongs to (no pruning of removed nodes needed). Encoding is lazy, at the first scrape that sees
/// the snapshot; two concurrent scrapes may both encode it, and one result wins.
/// </summary>
internal sealed class NodeEncodingCache
{
    private readonly ConditionalWeakTable<NodeSnapshot, Entry> _entries = new();
    private readonly LabelSetEncodings _labelSets = new();

    /// <summary>How many node encodings were built (for tests and diagnostics).</summary>
    public long Encodings => Interlocked.Read(ref _encodings);

    private long _encodings;

    public EncodedBlock[] Get(NodeSnapshot snapshot, PrometheusExportFormat format)
    {
        var entry = _entries.GetValue(snapshot, static _ => new Entry());
        var index = (int)format;
        var blocks = Volatile.Read(ref entry.Blocks[index]);
        if (blocks is not null)
        {
            return blocks;
        }
        blocks = Encode(snapshot, format);
        Interlocked.Increment(ref _encodings);
        return Interlocked.CompareExchange(ref entry.Blocks[index], blocks, null) ?? blocks;
    }

    private EncodedBlock[] Encode(NodeSnapshot snapshot, PrometheusExportFormat format)
    {
        using var buffer = new PooledBufferWriter(Math.Max(4096, snapshot.SampleCount * 96));
        var builder = new BlockBuilder(buffer, format);
        var labels = SeriesLabels.ForNode(snapshot.Node, snapshot.TargetLabels, _labelSets);
        foreach (var family in snapshot.Families)
        {
            builder.AddFamily(family, labels);
        }
        return builder.Build(copy: true);
    }

    private sealed class Entry
    {
        public readonly EncodedBlock[]?[] Blocks = new EncodedBlock[]?[2];
    }
}
