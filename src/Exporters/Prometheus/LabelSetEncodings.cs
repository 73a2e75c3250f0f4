using System.Collections.Concurrent;
using Gateway.Core.Metrics;
using Gateway.Exposition;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// A label set's encoded form, <c>,name="value",…</c>, computed once per distinct set. Sources intern
/// label sets, so the same <c>{kind="processes"}</c> serves every node and a scrape mostly copies
/// bytes. Thread-safe. Sets not used by recent renders are dropped once they outnumber the ones in
/// use (<see cref="EndRender"/>), so label values that churn (pids) cannot grow it without limit.
/// A dictionary, not a ConditionalWeakTable: its lookups allocated ~24 bytes each, once per series
/// per scrape.
/// </summary>
internal sealed class LabelSetEncodings
{
    private readonly ConcurrentDictionary<LabelSet, Entry> _entries = new();
    private long _generation;
    private int _count;
    private int _touched;

    public byte[] Get(LabelSet labels)
    {
        var generation = Volatile.Read(ref _generation);
        if (_entries.TryGetValue(labels, out var entry))
        {
            if (entry.Generation != generation)
            {
                entry.Generation = generation;
                Interlocked.Increment(ref _touched);
            }
            return entry.Bytes;
        }
        using var buffer = new PooledBufferWriter(256);
        foreach (var label in labels.AsSpan())
        {
            ExpositionText.WriteByte(buffer, (byte)',');
            ExpositionText.WriteLabelPair(buffer, label.Name, label.Value);
        }
        var added = new Entry(buffer.WrittenSpan.ToArray()) { Generation = generation };
        if (_entries.TryAdd(labels, added))
        {
            Interlocked.Increment(ref _count);
            Interlocked.Increment(ref _touched);
            return added.Bytes;
        }
        return _entries[labels].Bytes;
    }

    /// <summary>Ends a render: sets unused since the previous one are dropped when they are the majority.</summary>
    public void EndRender()
    {
        var touched = Interlocked.Exchange(ref _touched, 0);
        var previous = Interlocked.Increment(ref _generation) - 1;
        if (Volatile.Read(ref _count) <= (2 * touched) + 4096)
        {
            return;
        }
        foreach (var (labels, entry) in _entries)
        {
            // Entries touched by this render carry its generation; older ones were not used by it.
            if (entry.Generation < previous && _entries.TryRemove(labels, out _))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    private sealed class Entry(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;

        public long Generation { get; set; }
    }
}
