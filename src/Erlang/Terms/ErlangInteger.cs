using System.Globalization;
using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>An integer that fits a signed 64-bit long. Larger values are <see cref="ErlangBigInteger"/>.</summary>
public sealed class ErlangInteger : ErlangTerm
{
    private const int CacheMin = -128;
    private const int CacheMax = 1023;

    private static readonly ErlangInteger[] Cache = CreateCache();

    public ErlangInteger(long value)
    {
        Value = value;
    }

    public long Value { get; }

    /// <summary>Returns a shared instance for small values (-128..1023), else a new one.</summary>
    public static ErlangInteger Of(long value) =>
        value is >= CacheMin and <= CacheMax ? Cache[value - CacheMin] : new ErlangInteger(value);

    public override bool Equals(ErlangTerm? other) => other switch
    {
        ErlangInteger i => i.Value == Value,
        ErlangBigInteger b => b.Value == Value,
        _ => false,
    };

    // Seeded per process (HashCode), unlike long.GetHashCode: a hostile map of integer keys chosen to
    // share a hash code must not turn the decoder's duplicate-key check quadratic.
    public override int GetHashCode() => HashCode.Combine(Value);

    public override void AppendTo(StringBuilder builder) => builder.Append(Value.ToString(CultureInfo.InvariantCulture));

    private static ErlangInteger[] CreateCache()
    {
        var cache = new ErlangInteger[CacheMax - CacheMin + 1];
        for (var i = 0; i < cache.Length; i++)
        {
            cache[i] = new ErlangInteger(i + CacheMin);
        }

        return cache;
    }
}
