using System.Collections.Concurrent;

namespace Gateway.Core.Metrics;

/// <summary>
/// Interns label sets and strings so that the series of many nodes and many scrapes share objects.
/// Thread-safe. Sources keep one per node (or one shared) so steady-state scrapes allocate no new sets.
/// </summary>
public sealed class LabelSetInterner
{
    private readonly ConcurrentDictionary<LabelSet, LabelSet> _sets = new();
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    public int Count => _sets.Count;

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
