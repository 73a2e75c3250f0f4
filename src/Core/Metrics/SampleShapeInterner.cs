using System.Collections.Concurrent;

namespace Gateway.Core.Metrics;

/// <summary>
/// Shares equal <see cref="SampleShape"/>s between nodes and cycles. Thread-safe and bounded: once it
/// holds <see cref="Capacity"/> shapes it starts afresh (shapes already handed out stay valid; only
/// the sharing of new ones restarts), so label values that churn cannot grow it without limit.
/// </summary>
public sealed class SampleShapeInterner
{
    private readonly ConcurrentDictionary<SampleShape, SampleShape> _shapes = new(ShapeComparer.Instance);
    private int _count;

    public SampleShapeInterner(int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>The shared shape equal to <paramref name="shape"/> (which becomes it when new).</summary>
    public SampleShape Intern(SampleShape shape)
    {
        if (_shapes.TryGetValue(shape, out var existing))
        {
            return existing;
        }
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            lock (_shapes)
            {
                if (Volatile.Read(ref _count) > Capacity)
                {
                    _shapes.Clear();
                    Volatile.Write(ref _count, 1);
                }
            }
        }
        return _shapes.GetOrAdd(shape, shape);
    }

    private sealed class ShapeComparer : IEqualityComparer<SampleShape>
    {
        public static readonly ShapeComparer Instance = new();

        public bool Equals(SampleShape? x, SampleShape? y) => x is null ? y is null : y is not null && x.SameAs(y);

        public int GetHashCode(SampleShape obj) => obj.Hash;
    }
}
