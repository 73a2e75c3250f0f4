using System.Numerics;
using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>
/// An Erlang term. Every subtype has structural equality (<c>==</c> on <see cref="ErlangTerm"/> is
/// <see cref="Equals(object?)"/>, like Erlang's <c>=:=</c>) and prints itself in Erlang syntax, in the
/// shape <c>io_lib:format("~w", [T])</c> produces.
/// </summary>
public abstract class ErlangTerm : IEquatable<ErlangTerm>
{
    private protected ErlangTerm()
    {
    }

    public abstract bool Equals(ErlangTerm? other);

    public sealed override bool Equals(object? obj) => obj is ErlangTerm t && Equals(t);

    public abstract override int GetHashCode();

    public sealed override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    /// <summary>Appends the Erlang <c>~w</c> form of this term.</summary>
    public abstract void AppendTo(StringBuilder builder);

    public static bool operator ==(ErlangTerm? left, ErlangTerm? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(ErlangTerm? left, ErlangTerm? right) => !(left == right);

    // ---- builders -------------------------------------------------------------------------

    public static ErlangAtom Atom(string name) => ErlangAtom.Of(name);

    public static ErlangInteger Integer(long value) => ErlangInteger.Of(value);

    /// <summary>An integer of any size: an <see cref="ErlangInteger"/> when it fits a long, else an <see cref="ErlangBigInteger"/>.</summary>
    public static ErlangTerm Integer(BigInteger value) => ErlangBigInteger.Of(value);

    public static ErlangFloat Float(double value) => new(value);

    public static ErlangTuple Tuple(params ErlangTerm[] elements) => new(elements);

    public static ErlangList List(params ErlangTerm[] elements) => ErlangList.Of(elements);

    public static ErlangBinary Binary(string utf8) => ErlangBinary.FromString(utf8);

    // ---- accessors ------------------------------------------------------------------------

    /// <summary>True when this is an integer that fits a long.</summary>
    public bool TryGetLong(out long value)
    {
        if (this is ErlangInteger i)
        {
            value = i.Value;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>True when this is an integer of any size.</summary>
    public bool TryGetBigInteger(out BigInteger value)
    {
        switch (this)
        {
            case ErlangInteger i:
                value = i.Value;
                return true;
            case ErlangBigInteger b:
                value = b.Value;
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>True when this is a number (integer or float), converted to double.</summary>
    public bool TryGetDouble(out double value)
    {
        switch (this)
        {
            case ErlangFloat f:
                value = f.Value;
                return true;
            case ErlangInteger i:
                value = i.Value;
                return true;
            case ErlangBigInteger b:
                value = (double)b.Value;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>
    /// True for text-like terms: a binary (decoded as UTF-8), a list of Unicode code points
    /// (a charlist, Erlang's "string") or an atom (its name).
    /// </summary>
    public bool TryGetString(out string value)
    {
        switch (this)
        {
            case ErlangBinary b:
                value = b.ToUtf8String();
                return true;
            case ErlangAtom a:
                value = a.Name;
                return true;
            case ErlangCharList c:
                value = c.Text;
                return true;
            case ErlangList l when l.IsProper:
                return l.TryGetCodePointText(out value);
            default:
                value = string.Empty;
                return false;
        }
    }

    /// <summary>True when this is the atom with that name.</summary>
    public bool IsAtom(string name) => this is ErlangAtom a && a.Name == name;
}
