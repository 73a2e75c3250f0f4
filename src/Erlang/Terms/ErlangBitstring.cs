using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>
/// A bitstring whose length is not a whole number of bytes: <see cref="Data"/> holds all bytes, and
/// only the high <see cref="BitsInLastByte"/> bits (1..7) of the last byte belong to the value (the
/// rest are zero). <c>&lt;&lt;1:3&gt;&gt;</c> is one byte 0b0010_0000 with 3 bits.
/// </summary>
public sealed class ErlangBitstring : ErlangTerm
{
    public ErlangBitstring(ReadOnlyMemory<byte> data, int bitsInLastByte)
    {
        if (bitsInLastByte is < 1 or > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(bitsInLastByte), bitsInLastByte, "A bitstring has 1..7 bits in its last byte; use ErlangBinary for whole bytes.");
        }

        if (data.Length == 0)
        {
            throw new ArgumentException("A bitstring with bits in its last byte needs at least one byte.", nameof(data));
        }

        // Keep equality structural: unused low bits are always zero.
        var mask = (byte)(0xFF << (8 - bitsInLastByte));
        var last = data.Span[^1];
        if ((last & ~mask & 0xFF) != 0)
        {
            var copy = data.ToArray();
            copy[^1] = (byte)(last & mask);
            data = copy;
        }

        Data = data;
        BitsInLastByte = bitsInLastByte;
    }

    public ReadOnlyMemory<byte> Data { get; }

    public int BitsInLastByte { get; }

    /// <summary>Length in bits.</summary>
    public long BitLength => ((long)Data.Length - 1) * 8 + BitsInLastByte;

    public override bool Equals(ErlangTerm? other) =>
        other is ErlangBitstring b && b.BitsInLastByte == BitsInLastByte && b.Data.Span.SequenceEqual(Data.Span);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(Data.Span);
        h.Add(BitsInLastByte);
        return h.ToHashCode();
    }

    public override void AppendTo(StringBuilder builder) => ErlangBinary.AppendBytes(builder, Data.Span, BitsInLastByte);
}
