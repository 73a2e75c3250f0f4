using System.Collections;

namespace Gateway.Core.Metrics;

/// <summary>
/// A family's samples as a shared <see cref="SampleShape"/> plus this family's values; reads as a
/// list of <see cref="Sample"/>s (built on access, no timestamps). Immutable.
/// </summary>
public sealed class ShapedSamples : IReadOnlyList<Sample>
{
    private readonly SampleShape _shape;
    private readonly double[] _values;

    /// <param name="shape">Names and labels, usually shared with other nodes' families.</param>
    /// <param name="values">One value per sample of the shape; the array is kept, not copied.</param>
    public ShapedSamples(SampleShape shape, double[] values)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != shape.Count)
        {
            throw new ArgumentException($"{values.Length} values for a shape of {shape.Count} samples", nameof(values));
        }
        _shape = shape;
        _values = values;
    }

    public int Count => _values.Length;

    public Sample this[int index] => new(_shape.Name, _shape[index], _values[index]);

    public IEnumerator<Sample> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
