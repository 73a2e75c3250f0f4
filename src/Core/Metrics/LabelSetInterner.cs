using System.Collections.Concurrent;

namespace Gateway.Core.Metrics;

/// <summary>
/// Interns label sets and strings so that the series of many nodes and many scrapes share objects.
/// Thread-safe. Sources keep one per node (or one shared) so steady-state scrapes allocate no new sets.
/// Optionally bounded: past <c>capacity</c> sets (or strings) it starts afresh — what was handed out
/// stays valid, only the sharing restarts — so churning label values cannot grow it without limit.
/// </summary>
public sealed class LabelSetInterner(int capacity = int.MaxValue)
{
    private readonly ConcurrentDictionary<LabelSet, LabelSet> _sets = new();
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private int _setCount;
    private int _stringCount;

    public int Count => _sets.Count;

    public int Capacity { get; } = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "must be at least 1");

    public LabelSet Intern(LabelSet set)
    {
        if (set.Count == 0)
        {
            return LabelSet.Empty;
        }
        if (_sets.TryGetValue(set, out var existing))
        {
            return existing;
        }
        MakeRoom(_sets, ref _setCount);
        return _sets.GetOrAdd(set, set);
    }

    public string Intern(string value)
    {
        if (_strings.TryGetValue(value, out var existing))
        {
            return existing;
        }
        MakeRoom(_strings, ref _stringCount);
        return _strings.GetOrAdd(value, value);
    }

    /// <summary>Interns a string given as characters without allocating when it is already known.</summary>
    public string Intern(ReadOnlySpan<char> value)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }
        MakeRoom(_strings, ref _stringCount);
        var created = value.ToString();
        return _strings.GetOrAdd(created, created);
    }

    private void MakeRoom<T>(ConcurrentDictionary<T, T> table, ref int count)
        where T : notnull
    {
        if (Capacity == int.MaxValue || Interlocked.Increment(ref count) <= Capacity)
        {
            return;
        }
        lock (table)
        {
            if (Volatile.Read(ref count) > Capacity)
            {
                table.Clear();
                Volatile.Write(ref count, 1);
            }
        }
    }
}
