using System.Globalization;
using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>A binary (a whole number of bytes). See <see cref="ErlangBitstring"/> for the rest.</summary>
public sealed class ErlangBinary : ErlangTerm
{
    public static readonly ErlangBinary Empty = new(ReadOnlyMemory<byte>.Empty);

    public ErlangBinary(ReadOnlyMemory<byte> data)
    {
        Data = data;
    }

    public ErlangBinary(byte[] data)
        : this(new ReadOnlyMemory<byte>(data))
    {
    }

    public ReadOnlyMemory<byte> Data { get; }

    public int Length => Data.Length;

    public ReadOnlySpan<byte> Span => Data.Span;

    public static ErlangBinary FromString(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>The bytes as UTF-8 text (invalid sequences become U+FFFD).</summary>
    public string ToUtf8String() => Encoding.UTF8.GetString(Data.Span);

    public override bool Equals(ErlangTerm? other) => other is ErlangBinary b && b.Data.Span.SequenceEqual(Data.Span);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(Data.Span);
        return h.ToHashCode();
    }

    public override void AppendTo(StringBuilder builder) => AppendBytes(builder, Data.Span, 0);

    internal static void AppendBytes(StringBuilder builder, ReadOnlySpan<byte> data, int bitsInLastByte)
    {
        builder.Append("<<");
        var whole = bitsInLastByte == 0 ? data.Length : data.Length - 1;
        for (var i = 0; i < whole; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(data[i].ToString(CultureInfo.InvariantCulture));
        }

        if (bitsInLastByte != 0)
        {
            if (whole > 0)
            {
                builder.Append(',');
            }

            // The significant bits are the high bits of the last byte.
            var value = data[whole] >> (8 - bitsInLastByte);
            builder.Append(value.ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append(bitsInLastByte.ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(">>");
    }
}
