using System.Buffers;
using System.Numerics;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Terms;

// Expected bytes are term_to_binary(T, [{minor_version, 2}]) from erl (OTP 25), the encoding OTP 26+ uses by default.
public sealed class TermEncoderTests
{
    private static ErlangInteger I(long v) => ErlangInteger.Of(v);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encodes_exactly_like_term_to_binary_minor_version_2(string name, ErlangTerm term, byte[] expected)
    {
        Assert.NotNull(name);
        Assert.Equal(expected, TermEncoder.ToBytes(term));
        Assert.Equal(expected.Length, TermEncoder.GetEncodedSize(term));
        var writer = new ArrayBufferWriter<byte>(1);
        TermEncoder.Encode(term, writer);
        Assert.Equal(expected, writer.WrittenSpan.ToArray());
        TermAssert.Equal(term, TermDecoder.Decode(expected));
    }

    public static TheoryData<string, ErlangTerm, byte[]> Cases() => new()
    {
        { "{ok,[1,2]}", ErlangTerm.Tuple(ErlangAtom.Ok, ErlangTerm.List(I(1), I(2))), [131, 104, 2, 119, 2, 111, 107, 107, 0, 2, 1, 2] },
        { "-129", I(-129), [131, 98, 255, 255, 255, 127] },
        { "1 bsl 31", I(1L << 31), [131, 110, 4, 0, 0, 0, 0, 128] },
        { "-(1 bsl 31)", I(-(1L << 31)), [131, 98, 128, 0, 0, 0] },
        { "1 bsl 64", new ErlangBigInteger(BigInteger.One << 64), [131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] },
        { "-(1 bsl 63)", I(long.MinValue), [131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 128] },
        { "3.25", new ErlangFloat(3.25), [131, 70, 64, 10, 0, 0, 0, 0, 0, 0] },
        { "\"abc\"", ErlangList.FromText("abc"), [131, 107, 0, 3, 97, 98, 99] },
        { "[97,98,99] built from integers", ErlangTerm.List(I(97), I(98), I(99)), [131, 107, 0, 3, 97, 98, 99] },
        { "[1,300]", ErlangTerm.List(I(1), I(300)), [131, 108, 0, 0, 0, 2, 97, 1, 98, 0, 0, 1, 44, 106] },
        { "[a|b]", ErlangList.Improper(ErlangAtom.Of("b"), ErlangAtom.Of("a")), [131, 108, 0, 0, 0, 1, 119, 1, 97, 119, 1, 98] },
        { "#{a => 1}", ErlangMap.Of((ErlangAtom.Of("a"), I(1))), [131, 116, 0, 0, 0, 1, 119, 1, 97, 97, 1] },
        { "<<1:3>>", new ErlangBitstring(new byte[] { 32 }, 3), [131, 77, 0, 0, 0, 1, 3, 32] },
        { "<<>>", ErlangBinary.Empty, [131, 109, 0, 0, 0, 0] },
        { "'日本'", ErlangAtom.Of("日本"), [131, 119, 6, 230, 151, 165, 230, 156, 172] },
        { "{}", ErlangTuple.Empty, [131, 104, 0] },
        { "[]", ErlangList.Empty, [131, 106] },
        { "fun lists:seq/2", new ErlangExport(ErlangAtom.Of("lists"), ErlangAtom.Of("seq"), 2), [131, 113, 119, 5, 108, 105, 115, 116, 115, 119, 3, 115, 101, 113, 97, 2] },
        { "port", new ErlangPort(ErlangAtom.NoNode, 0, 0), [131, 89, 119, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 0] },
    };

    [Fact]
    public void Atom_over_255_bytes_uses_ATOM_UTF8_EXT_with_a_two_byte_length()
    {
        var atom = ErlangAtom.Of(new string('é', 255));
        var bytes = TermEncoder.ToBytes(atom);
        Assert.Equal(new byte[] { 131, 118, 1, 254, 195, 169 }, bytes[..6]);
        Assert.Equal(4 + 510, bytes.Length);
        Assert.Same(atom, TermDecoder.Decode(bytes));
    }

    [Fact]
    public void Large_tuple_and_large_big_use_four_byte_lengths()
    {
        var tuple = new ErlangTuple(Enumerable.Range(1, 256).Select(i => (ErlangTerm)I(i)).ToArray());
        Assert.Equal(new byte[] { 131, 105, 0, 0, 1, 0, 97, 1 }, TermEncoder.ToBytes(tuple)[..8]);

        var big = new ErlangBigInteger(BigInteger.One << 2048);
        var bytes = TermEncoder.ToBytes(big);
        Assert.Equal(new byte[] { 131, 111, 0, 0, 1, 1, 0 }, bytes[..7]);
        Assert.Equal(big, TermDecoder.Decode(bytes));
    }

    [Fact]
    public void Port_id_over_28_bits_uses_V4_PORT_EXT_like_OTP_25()
    {
        Assert.Equal(ExternalTermTag.NewPort, TermEncoder.ToBytes(new ErlangPort(ErlangAtom.Of("n"), (1UL << 28) - 1, 7))[1]);
        Assert.Equal(ExternalTermTag.V4Port, TermEncoder.ToBytes(new ErlangPort(ErlangAtom.Of("n"), 1UL << 28, 7))[1]);
        var port = new ErlangPort(ErlangAtom.Of("n"), 1UL << 40, 7);
        Assert.Equal(new byte[] { 131, 120, 119, 1, 110, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 7 }, TermEncoder.ToBytes(port));
    }

    [Fact]
    public void Pid_and_reference_use_NEW_PID_EXT_and_NEWER_REFERENCE_EXT()
    {
        var pid = new ErlangPid(ErlangAtom.Of("n"), 85, 1, 3);
        Assert.Equal(new byte[] { 131, 88, 119, 1, 110, 0, 0, 0, 85, 0, 0, 0, 1, 0, 0, 0, 3 }, TermEncoder.ToBytes(pid));
        var r = new ErlangRef(ErlangAtom.Of("n"), 3, [1, 2, 3]);
        Assert.Equal(new byte[] { 131, 90, 0, 3, 119, 1, 110, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3 }, TermEncoder.ToBytes(r));
    }

    [Fact]
    public void Without_version_omits_the_131_byte()
    {
        Assert.Equal(new byte[] { 97, 5 }, TermEncoder.ToBytes(I(5), withVersion: false));
    }

    [Fact]
    public void A_list_of_more_than_65535_bytes_is_a_LIST_EXT()
    {
        var list = new ErlangList(Enumerable.Repeat((ErlangTerm)I(1), 65536).ToArray());
        var bytes = TermEncoder.ToBytes(list);
        Assert.Equal(ExternalTermTag.List, bytes[1]);
        Assert.Equal(5 + (2 * 65536) + 2, bytes.Length);

        // Decoded, such a list keeps its bytes compactly and encodes back to the same bytes.
        var decoded = Assert.IsType<ErlangCharList>(TermDecoder.Decode(bytes));
        TermAssert.Equal(list, decoded);
        Assert.Equal(bytes, TermEncoder.ToBytes(decoded));
        Assert.Equal(bytes.Length, TermEncoder.GetEncodedSize(decoded));
    }
}
