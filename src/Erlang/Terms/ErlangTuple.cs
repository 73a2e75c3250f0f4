using System.Collections;
using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>A tuple. The element array is owned by the tuple: do not change it after construction.</summary>
public sealed class ErlangTuple : ErlangTerm, IReadOnlyList<ErlangTerm>
{
    public static readonly ErlangTuple Empty = new([]);

    private readonly ErlangTerm[] elements;

    public ErlangTuple(params ErlangTerm[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        foreach (var e in elements)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(elements));
        }

        this.elements = elements;
    }

    // The decoder has already checked its elements.
    internal ErlangTuple(ErlangTerm[] elements, bool trusted)
    {
        _ = trusted;
        this.elements = elements;
    }

    public int Arity => elements.Length;

    int IReadOnlyCollection<ErlangTerm>.Count => elements.Length;

    public ErlangTerm this[int index] => elements[index];

    public ReadOnlySpan<ErlangTerm> Elements => elements;

    public IEnumerator<ErlangTerm> GetEnumerator() => ((IEnumerable<ErlangTerm>)elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override bool Equals(ErlangTerm? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not ErlangTuple t || t.elements.Length != elements.Length)
        {
            return false;
        }

        RuntimeHelpersGuard.EnsureStack();
        for (var i = 0; i < elements.Length; i++)
        {
            if (!elements[i].Equals(t.elements[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        RuntimeHelpersGuard.EnsureStack();
        var h = new HashCode();
        h.Add(elements.Length);
        foreach (var e in elements)
        {
            h.Add(e.GetHashCode());
        }

        return h.ToHashCode();
    }

    public override void AppendTo(StringBuilder builder)
    {
        RuntimeHelpersGuard.EnsureStack();
        builder.Append('{');
        for (var i = 0; i < elements.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            elements[i].AppendTo(builder);
        }

        builder.Append('}');
    }
}
