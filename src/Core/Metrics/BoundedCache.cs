using System.Collections.Concurrent;

namespace Gateway.Core.Metrics;

/// <summary>
/// A thread-safe lookup table that starts afresh once it has taken <see cref="Capacity"/> entries:
/// values already handed out stay valid, only the sharing restarts. For interners and caches fed by
/// what watched nodes report, so values that churn (pids, random names) cannot grow them without limit.
/// </summary>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _table;
    private int _added;

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _table = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    public int Capacity { get; }

    /// <summary>Entries held now (takes every lock of the table: not for hot paths).</summary>
    public int Count => _table.Count;

    public bool TryGetValue(TKey key, out TValue value) => _table.TryGetValue(key, out value!);

    /// <summary>The value held for <paramref name="key"/>, or <paramref name="value"/> after adding it (clearing the table first when full).</summary>
    public TValue GetOrAdd(TKey key, TValue value)
    {
        if (_table.TryGetValue(key, out var existing))
        {
            return existing;
        }
        if (Capacity != int.MaxValue && Interlocked.Increment(ref _added) > Capacity)
        {
            lock (_table)
            {
                if (Volatile.Read(ref _added) > Capacity)
                {
                    _table.Clear();
                    Volatile.Write(ref _added, 1);
                }
            }
        }
        return _table.GetOrAdd(key, value);
    }

    /// <summary>Lookups by another representation of the key (e.g. characters for a string key).</summary>
    public ConcurrentDictionary<TKey, TValue>.AlternateLookup<TAlternate> GetAlternateLookup<TAlternate>()
        where TAlternate : notnull, allows ref struct =>
        _table.GetAlternateLookup<TAlternate>();
}
