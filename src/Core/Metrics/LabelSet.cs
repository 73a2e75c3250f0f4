using System.Collections;

namespace Gateway.Core.Metrics;

/// <summary>
/// An immutable set of labels, sorted by name, with names unique. Instances are normally obtained
/// through a <see cref="LabelSetInterner"/> so that equal sets share one object and hot paths compare
/// by reference; <see cref="Equals(LabelSet?)"/> still compares by value.
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>, IReadOnlyList<Label>
{
    private readonly Label[] _labels;
    private readonly int _hash;

    public static LabelSet Empty { get; } = new([]);

    private LabelSet(Label[] sortedUnique)
    {
        _labels = sortedUnique;
        var hash = new HashCode();
        foreach (var label in sortedUnique)
        {
            hash.Add(label.Name, StringComparer.Ordinal);
            hash.Add(label.Value, StringComparer.Ordinal);
        }
        _hash = hash.ToHashCode();
    }

    /// <summary>Builds a set from labels in any order. A repeated name is an <see cref="ArgumentException"/>.</summary>
    public static LabelSet Create(IEnumerable<Label> labels)
    {
        var array = labels.ToArray();
        if (array.Length == 0)
        {
            return Empty;
        }
        Array.Sort(array, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        for (var i = 1; i < array.Length; i++)
        {
            if (string.Equals(array[i - 1].Name, array[i].Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"label \"{array[i].Name}\" appears more than once", nameof(labels));
            }
        }
        return new LabelSet(array);
    }

    public static LabelSet Create(params ReadOnlySpan<Label> labels) => Create((IEnumerable<Label>)labels.ToArray());

    public int Count => _labels.Length;

    public Label this[int index] => _labels[index];

    public ReadOnlySpan<Label> AsSpan() => _labels;

    /// <summary>The value of label <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        foreach (var label in _labels)
        {
            if (string.Equals(label.Name, name, StringComparison.Ordinal))
            {
                return label.Value;
            }
        }
        return null;
    }

    /// <summary>A new set with <paramref name="name"/> set to <paramref name="value"/> (added or replaced).</summary>
    public LabelSet With(string name, string value)
    {
        var list = new List<Label>(_labels.Length + 1);
        foreach (var label in _labels)
        {
            if (!string.Equals(label.Name, name, StringComparison.Ordinal))
            {
                list.Add(label);
            }
        }
        list.Add(new Label(name, value));
        return Create(list);
    }

    public bool Equals(LabelSet? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other._hash != _hash || other._labels.Length != _labels.Length)
        {
            return false;
        }
        for (var i = 0; i < _labels.Length; i++)
        {
            if (!string.Equals(_labels[i].Name, other._labels[i].Name, StringComparison.Ordinal)
                || !string.Equals(_labels[i].Value, other._labels[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => _hash;

    public IEnumerator<Label> GetEnumerator() => ((IEnumerable<Label>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        "{" + string.Join(",", _labels.Select(l => $"{l.Name}=\"{l.Value}\"")) + "}";
}
