using System.Collections.Concurrent;
using Gateway.Core.Metrics;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// Label sets by the label values that make them (the names are fixed by each call site), so mapping
/// a reply finds the ~360 sets it needs without building and sorting a candidate set for each — the
/// reply of every node and cycle asks for the same ones. Shared by all nodes; thread-safe; bounded
/// (<see cref="BoundedCache{TKey, TValue}"/>), so values that churn cannot grow it without limit.
/// </summary>
internal sealed class LabelSetCache<TKey>(int capacity)
    where TKey : notnull
{
    private readonly BoundedCache<TKey, LabelSet> table = new(capacity);

    public bool TryGet(TKey key, out LabelSet set) => table.TryGetValue(key, out set);

    public LabelSet Add(TKey key, LabelSet set) => table.GetOrAdd(key, set);
}

/// <summary>The caches of one <see cref="BeamMetricMapper"/>: label sets by label count, and family sizes.</summary>
internal sealed class BeamLabelCaches
{
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, int> sizes = new(StringComparer.Ordinal);

    /// <summary>How many samples the family had last time (any node), or a small default.</summary>
    public int SizeHint(string family) => sizes.TryGetValue(family, out var size) ? size : 4;

    public void RememberSize(string family, int size)
    {
        if (sizes.TryGetValue(family, out var known))
        {
            if (known != size)
            {
                sizes[family] = size;
            }
            return;
        }
        // Family names are a fixed set of literals; the bound only guards against surprises.
        if (sizes.Count < 1_000)
        {
            sizes.TryAdd(family, size);
        }
    }

    public LabelSetCache<(string, string)> One { get; } = new(Capacity);

    public LabelSetCache<(string, string, string, string)> Two { get; } = new(Capacity);

    public LabelSetCache<(Label, Label, Label, Label)> Four { get; } = new(Capacity);
}
