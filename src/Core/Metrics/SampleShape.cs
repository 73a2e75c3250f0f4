namespace Gateway.Core.Metrics;

/// <summary>
/// What the samples of a family have in common across nodes and cycles: one series name and the
/// label set of each sample, in order. Nodes of one kind report the same shape every cycle (e.g. the
/// ~290 allocator series of a 2-scheduler node), so a family stores one shared shape and its values
/// (<see cref="ShapedSamples"/>): 8 bytes per sample instead of a 40-byte <see cref="Sample"/>.
/// </summary>
public sealed class SampleShape
{
    private readonly LabelSet[] _labels;
    private readonly int _hash;

    /// <param name="name">The series name of every sample.</param>
    /// <param name="labels">Each sample's labels; the array is kept, not copied.</param>
    public SampleShape(string name, LabelSet[] labels)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(labels);
        Name = name;
        _labels = labels;
        var hash = new HashCode();
        hash.Add(name, StringComparer.Ordinal);
        foreach (var set in labels)
        {
            hash.Add(set);
        }
        _hash = hash.ToHashCode();
    }

    public string Name { get; }

    public int Count => _labels.Length;

    public LabelSet this[int index] => _labels[index];

    /// <summary>Same name and, position by position, equal label sets.</summary>
    public bool SameAs(SampleShape other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (_hash != other._hash || _labels.Length != other._labels.Length || !string.Equals(Name, other.Name, StringComparison.Ordinal))
        {
            return false;
        }
        for (var i = 0; i < _labels.Length; i++)
        {
            if (!_labels[i].Equals(other._labels[i]))
            {
                return false;
            }
        }
        return true;
    }

    internal int Hash => _hash;
}
