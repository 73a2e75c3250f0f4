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
