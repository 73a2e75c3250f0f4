using System.Globalization;
using System.Numerics;
using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>
/// An integer of any size. The decoder only produces it for values outside the range of a long;
/// it compares equal to an <see cref="ErlangInteger"/> of the same value either way.
/// </summary>
public sealed class ErlangBigInteger : ErlangTerm
{
    public ErlangBigInteger(BigInteger value)
    {
        Value = value;
    }

    public BigInteger Value { get; }

    /// <summary>An <see cref="ErlangInteger"/> when the value fits a long, else an <see cref="ErlangBigInteger"/>.</summary>
    public static ErlangTerm Of(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? ErlangInteger.Of((long)value) : new ErlangBigInteger(value);

    public override bool Equals(ErlangTerm? other) => other switch
    {
        ErlangBigInteger b => b.Value == Value,
        ErlangInteger i => Value == i.Value,
        _ => false,
    };

    // Equal to ErlangInteger's hash for values that fit a long.
    public override int GetHashCode() =>
        Value >= long.MinValue && Value <= long.MaxValue ? HashCode.Combine((long)Value) : HashCode.Combine(Value);

    public override void AppendTo(StringBuilder builder) => builder.Append(Value.ToString(CultureInfo.InvariantCulture));
}
