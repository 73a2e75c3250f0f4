namespace Gateway.Core.Metrics;

/// <summary>
/// Interns label sets and strings so that the series of many nodes and many scrapes share objects.
/// Thread-safe. Sources keep one per node (or one shared) so steady-state scrapes allocate no new sets.
/// Optionally bounded: past <c>capacity</c> sets (or strings) it starts afresh — what was handed out
/// stays valid, only the sharing restarts — so churning label values cannot grow it without limit.
/// </summary>
public sealed class LabelSetInterner(int capacity = int.MaxValue)
{
    private readonly BoundedCache<LabelSet, LabelSet> _sets = new(capacity);
    private readonly BoundedCache<string, string> _strings = new(capacity, StringComparer.Ordinal);

    /// <summary>Sets held now (takes every lock of the table: not for hot paths).</summary>
    public int Count => _sets.Count;

    public int Capacity => _sets.Capacity;

    public LabelSet Intern(LabelSet set) => set.Count == 0 ? LabelSet.Empty : _sets.GetOrAdd(set, set);

    public string Intern(string value) => _strings.GetOrAdd(value, value);

    /// <summary>Interns a string given as characters without allocating when it is already known.</summary>
    public string Intern(ReadOnlySpan<char> value)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }
        var created = value.ToString();
        return _strings.GetOrAdd(created, created);
    }
}
