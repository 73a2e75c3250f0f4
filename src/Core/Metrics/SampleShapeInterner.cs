namespace Gateway.Core.Metrics;

/// <summary>
/// Shares equal <see cref="SampleShape"/>s between nodes and cycles. Thread-safe and bounded: once it
/// has taken <see cref="Capacity"/> shapes it starts afresh (<see cref="BoundedCache{TKey, TValue}"/>),
/// so label values that churn cannot grow it without limit.
/// </summary>
public sealed class SampleShapeInterner(int capacity = 100_000)
{
    private readonly BoundedCache<SampleShape, SampleShape> _shapes = new(capacity, ShapeComparer.Instance);

    public int Capacity => _shapes.Capacity;

    /// <summary>The shared shape equal to <paramref name="shape"/> (which becomes it when new).</summary>
    public SampleShape Intern(SampleShape shape) => _shapes.GetOrAdd(shape, shape);

    private sealed class ShapeComparer : IEqualityComparer<SampleShape>
    {
        public static readonly ShapeComparer Instance = new();

        public bool Equals(SampleShape? x, SampleShape? y) => x is null ? y is null : y is not null && x.SameAs(y);

        public int GetHashCode(SampleShape obj) => obj.Hash;
    }
}
