using System.Buffers.Binary;
using System.IO.Compression;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Terms;

public sealed class TermDecoderLimitTests
{
    [Fact]
    public void A_million_nested_tuples_hit_the_depth_limit_without_overflowing_the_stack()
    {
        var data = new byte[1 + (2 * 1_000_000) + 1];
        data[0] = 131;
        for (var i = 0; i < 1_000_000; i++)
        {
            data[1 + (2 * i)] = 104;
            data[2 + (2 * i)] = 1;
        }

        data[^1] = 106;
        var ex = Assert.Throws<TermFormatException>(() => TermDecoder.Decode(data));
        Assert.Contains("deeper than 1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_million_nested_lists_hit_the_depth_limit()
    {
        var data = new List<byte> { 131 };
        for (var i = 0; i < 1_000_000; i++)
        {
            data.AddRange([108, 0, 0, 0, 1]);
        }

        data.Add(106);
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(data.ToArray()));
    }

    [Fact]
    public void Nesting_up_to_the_limit_decodes()
    {
        var data = new List<byte> { 131 };
        for (var i = 0; i < 1000; i++)
        {
            data.AddRange([104, 1]);
        }

        data.Add(106);
        var term = TermDecoder.Decode(data.ToArray());
        var depth = 0;
        while (term is ErlangTuple t)
        {
            term = t[0];
            depth++;
        }

        Assert.Equal(1000, depth);
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(data.ToArray(), new TermDecoderOptions { MaxDepth = 999 }));
    }

    [Theory]
    [InlineData(new byte[] { 131, 108, 255, 255, 255, 255, 97, 1, 106 })]
    [InlineData(new byte[] { 131, 105, 255, 255, 255, 255, 97, 1 })]
    [InlineData(new byte[] { 131, 116, 255, 255, 255, 255, 97, 1 })]
    [InlineData(new byte[] { 131, 109, 255, 255, 255, 255, 1, 2 })]
    [InlineData(new byte[] { 131, 77, 255, 255, 255, 255, 3, 2 })]
    [InlineData(new byte[] { 131, 111, 255, 255, 255, 255, 0, 1 })]
    [InlineData(new byte[] { 131, 107, 255, 255, 1 })]
    [InlineData(new byte[] { 131, 118, 255, 255, 97 })]
    [InlineData(new byte[] { 131, 90, 255, 255, 119, 1, 110 })]
    [InlineData(new byte[] { 131, 112, 255, 255, 255, 255, 0 })]
    public void Huge_claimed_lengths_in_tiny_inputs_fail_fast_without_allocating_for_the_claim(byte[] data)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(data));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024);
    }

    [Fact]
    public void Term_count_limit_applies_to_all_nested_elements()
    {
        var list = ErlangTerm.List(Enumerable.Range(0, 20).Select(i => (ErlangTerm)ErlangTerm.Tuple(ErlangAtom.Ok)).ToArray());
        var bytes = TermEncoder.ToBytes(list);
        TermAssert.Equal(list, TermDecoder.Decode(bytes, new TermDecoderOptions { MaxTerms = 100 }));
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(bytes, new TermDecoderOptions { MaxTerms = 30 }));
    }

    [Fact]
    public void Big_integers_over_the_size_limit_are_rejected()
    {
        var big = new ErlangBigInteger(System.Numerics.BigInteger.One << (8 * 20000));
        var bytes = TermEncoder.ToBytes(big);
        var ex = Assert.Throws<TermFormatException>(() => TermDecoder.Decode(bytes));
        Assert.Contains("over the limit of 16384", ex.Message, StringComparison.Ordinal);
        TermAssert.Equal(big, TermDecoder.Decode(bytes, new TermDecoderOptions { MaxBigIntegerBytes = 32 * 1024 }));
    }

    [Fact]
    public void Zip_bomb_claiming_a_small_size_stops_at_the_claim()
    {
        // 64 MiB of zeros compress to ~64 KiB; the header claims 1000 bytes.
        var bomb = Compressed(new byte[64 * 1024 * 1024], claimed: 1000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<TermFormatException>(() => TermDecoder.Decode(bomb));
        Assert.Contains("more than the 1000 bytes", ex.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 * 1024 * 1024);
    }

    [Fact]
    public void Compressed_size_over_the_limit_is_rejected_before_inflating()
    {
        var data = Compressed(TermEncoder.ToBytes(ErlangBinary.FromString("x"), withVersion: false), claimed: 65 * 1024 * 1024);
        var ex = Assert.Throws<TermFormatException>(() => TermDecoder.Decode(data));
        Assert.Contains("over the limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compressed_data_shorter_than_claimed_is_rejected()
    {
        var inner = TermEncoder.ToBytes(ErlangBinary.FromString("hello"), withVersion: false);
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(Compressed(inner, claimed: inner.Length + 1)));
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(Compressed(inner, claimed: inner.Length - 1)));
        TermAssert.Equal(ErlangBinary.FromString("hello"), TermDecoder.Decode(Compressed(inner, claimed: inner.Length)));
    }

    [Fact]
    public void Corrupt_zlib_data_and_nested_compression_are_rejected()
    {
        var good = Compressed(TermEncoder.ToBytes(ErlangBinary.FromString("hello"), withVersion: false), claimed: 10);
        good[^2] ^= 0xFF; // the Adler-32 checksum
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(good));

        // Found by fuzzing: a zlib header asking for a preset dictionary makes zlib fail with ZLibException.
        byte[] presetDictionary = [131, 80, 0, 0, 1, 0x95, 0x78, 0xF9, 0x9C, 0xCB, 0x60, 0xCC, 0x18, 0x85, 0x83, 0x08, 0xA6, 0x30, 0x30, 0xE5, 0x67, 0x40, 0x00, 0x0A, 0x5E, 0x53, 0x49];
        var zlibError = Assert.Throws<TermFormatException>(() => TermDecoder.Decode(presetDictionary));
        Assert.IsAssignableFrom<IOException>(zlibError.InnerException);

        var inner = Compressed([97, 1], claimed: 2)[1..];
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(Compressed(inner, claimed: inner.Length)));
    }

    [Fact]
    public void Invalid_atoms_are_rejected()
    {
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode([131, 119, 2, 0xC3, 0x28]));
        var longAtom = new byte[] { 131, 118, 1, 0 }.Concat(Enumerable.Repeat((byte)'a', 256)).ToArray();
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(longAtom));
        var tuple = new byte[] { 131, 104, 1, 100, 1, 0 }.Concat(Enumerable.Repeat((byte)'a', 256)).ToArray();
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(tuple));
    }

    [Fact]
    public void Float_that_is_not_a_number_is_rejected()
    {
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode([131, 70, 0x7F, 0xF8, 0, 0, 0, 0, 0, 0]));
        var text = new byte[31];
        "abc"u8.CopyTo(text);
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode([131, 99, .. text]));
    }

    [Fact]
    public void Fun_whose_size_field_disagrees_with_its_contents_is_rejected()
    {
        var fun = TermEncoder.ToBytes(new ErlangFun(ErlangAtom.Of("m"), 1, new byte[16], 0, 0, 0, new ErlangPid(ErlangAtom.Of("n"), 1, 0, 0), [ErlangAtom.Ok]));
        TermDecoder.Decode(fun);
        var size = BinaryPrimitives.ReadUInt32BigEndian(fun.AsSpan(2));
        BinaryPrimitives.WriteUInt32BigEndian(fun.AsSpan(2), size - 1);
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode(fun));
    }

    private static byte[] Compressed(byte[] raw, int claimed)
    {
        using var output = new MemoryStream();
        output.Write([131, 80, 0, 0, 0, 0]);
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }

        var bytes = output.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(2), claimed);
        return bytes;
    }
}
