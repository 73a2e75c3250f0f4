using System.Collections;
using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>
/// A list: its elements and, for an improper list such as <c>[1,2|3]</c>, a <see cref="Tail"/> that is
/// not <c>[]</c>. <see cref="Empty"/> is nil (<c>[]</c>). A tail that is itself a list is flattened into
/// the elements, so <see cref="Tail"/> is never a non-empty list.
/// </summary>
public class ErlangList : ErlangTerm, IReadOnlyList<ErlangTerm>
{
    /// <summary>Nil, the empty list <c>[]</c>.</summary>
    public static readonly ErlangList Empty = new([], null, trusted: true);

    private ErlangTerm[]? elements;
    private readonly ErlangTerm? tail;

    /// <summary>A proper list of these elements (the array is owned by the list from now on).</summary>
    public ErlangList(params ErlangTerm[] elements)
        : this(elements, null)
    {
    }

    /// <summary>A list of these elements ending in <paramref name="tail"/> (improper unless the tail is a list).</summary>
    public ErlangList(ErlangTerm[] elements, ErlangTerm? tail)
    {
        ArgumentNullException.ThrowIfNull(elements);
        foreach (var e in elements)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(elements));
        }

        if (tail is ErlangList tailList)
        {
            if (tailList.Count > 0)
            {
                var merged = new ErlangTerm[elements.Length + tailList.Count];
                elements.CopyTo(merged, 0);
                for (var i = 0; i < tailList.Count; i++)
                {
                    merged[elements.Length + i] = tailList[i];
                }

                elements = merged;
            }

            tail = tailList.IsProper ? null : tailList.Tail;
        }

        if (elements.Length == 0 && tail is not null)
        {
            throw new ArgumentException("[] | Tail is just Tail: an improper list needs at least one element.", nameof(tail));
        }

        this.elements = elements;
        this.tail = tail;
    }

    // The decoder has already checked the elements and the tail (null, or not a list).
    internal ErlangList(ErlangTerm[] elements, ErlangTerm? tail, bool trusted)
    {
        _ = trusted;
        this.elements = elements;
        this.tail = tail;
    }

    private protected ErlangList()
    {
    }

    /// <summary>Number of elements (not counting an improper tail).</summary>
    public virtual int Count => elements!.Length;

    public virtual ErlangTerm this[int index] => elements![index];

    /// <summary>The tail after the last element: <see cref="Empty"/> for a proper list.</summary>
    public ErlangTerm Tail => tail ?? Empty;

    public bool IsProper => tail is null;

    public bool IsEmpty => Count == 0;

    /// <summary>The elements (a char list materialises them on first use).</summary>
    public ReadOnlySpan<ErlangTerm> Elements => elements ??= Materialize();

    public static ErlangList Of(params ErlangTerm[] elements) => elements.Length == 0 ? Empty : new ErlangList(elements);

    public static ErlangList Improper(ErlangTerm tail, params ErlangTerm[] elements) => new(elements, tail);

    /// <summary>
    /// The Erlang "string" for this text: a list of Unicode code points (an <see cref="ErlangCharList"/>
    /// when every character is Latin-1).
    /// </summary>
    public static ErlangList FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return Empty;
        }

        var latin1 = true;
        foreach (var c in text)
        {
            if (c > 0xFF)
            {
                latin1 = false;
                break;
            }
        }

        if (latin1)
        {
            var bytes = new byte[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return new ErlangCharList(bytes);
        }

        var codePoints = new List<ErlangTerm>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            codePoints.Add(ErlangInteger.Of(rune.Value));
        }

        return new ErlangList(codePoints.ToArray(), null, trusted: true);
    }

    /// <summary>
    /// Looks a key up the way <c>proplists:get_value/2</c> does: the first entry for the key decides;
    /// <c>{Key, Value}</c> gives Value, a bare atom Key gives <c>true</c>, and any other tuple starting
    /// with Key means "no value" (false, with <c>undefined</c>).
    /// </summary>
    public bool TryGetPropValue(ErlangTerm key, out ErlangTerm value)
    {
        for (var i = 0; i < Count; i++)
        {
            switch (this[i])
            {
                case ErlangTuple { Arity: >= 1 } t when t[0].Equals(key):
                    value = t.Arity == 2 ? t[1] : ErlangAtom.Undefined;
                    return t.Arity == 2;
                case ErlangAtom a when a.Equals(key):
                    value = ErlangAtom.True;
                    return true;
            }
        }

        value = ErlangAtom.Undefined;
        return false;
    }

    /// <summary>Like <see cref="TryGetPropValue(ErlangTerm, out ErlangTerm)"/> for an atom key.</summary>
    public bool TryGetPropValue(string atomKey, out ErlangTerm value) => TryGetPropValue(ErlangAtom.Of(atomKey), out value);

    private protected virtual ErlangTerm[] Materialize() => elements!;

    public IEnumerator<ErlangTerm> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The text when every element is a Unicode code point (a proper list only).</summary>
    internal bool TryGetCodePointText(out string text)
    {
        var sb = new StringBuilder(Count);
        for (var i = 0; i < Count; i++)
        {
            if (this[i] is not ErlangInteger { Value: >= 0 and <= 0x10FFFF } cp || cp.Value is >= 0xD800 and <= 0xDFFF)
            {
                text = string.Empty;
                return false;
            }

            sb.Append(char.ConvertFromUtf32((int)cp.Value));
        }

        text = sb.ToString();
        return true;
    }

    public override bool Equals(ErlangTerm? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not ErlangList l || l.Count != Count || l.IsProper != IsProper)
        {
            return false;
        }

        if (this is ErlangCharList a && l is ErlangCharList b)
        {
            return a.Bytes.SequenceEqual(b.Bytes);
        }

        RuntimeHelpersGuard.EnsureStack();
        for (var i = 0; i < Count; i++)
        {
            if (!this[i].Equals(l[i]))
            {
                return false;
            }
        }

        return IsProper || Tail.Equals(l.Tail);
    }

    public override int GetHashCode()
    {
        RuntimeHelpersGuard.EnsureStack();
        var h = new HashCode();
        h.Add(Count);
        for (var i = 0; i < Count; i++)
        {
            h.Add(this[i].GetHashCode());
        }

        if (!IsProper)
        {
            h.Add(Tail.GetHashCode());
        }

        return h.ToHashCode();
    }

    public override void AppendTo(StringBuilder builder)
    {
        RuntimeHelpersGuard.EnsureStack();
        builder.Append('[');
        for (var i = 0; i < Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            this[i].AppendTo(builder);
        }

        if (!IsProper)
        {
            builder.Append('|');
            Tail.AppendTo(builder);
        }

        builder.Append(']');
    }
}
