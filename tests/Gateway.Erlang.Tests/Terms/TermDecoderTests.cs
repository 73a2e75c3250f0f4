using System.Numerics;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Terms;

// Byte sequences below were produced by erl (OTP 25) with term_to_binary/1,2 unless noted.
public sealed class TermDecoderTests
{
    private static ErlangTerm D(params byte[] bytes) => TermDecoder.Decode(bytes);

    [Fact]
    public void Small_integer_integer_and_small_big_decode()
    {
        Assert.Equal(ErlangInteger.Of(1), D(131, 97, 1));
        Assert.Equal(ErlangInteger.Of(-1), D(131, 98, 255, 255, 255, 255));
        Assert.Equal(ErlangInteger.Of(256), D(131, 98, 0, 0, 1, 0));
        // term_to_binary(-(1 bsl 63))
        Assert.Equal(ErlangInteger.Of(long.MinValue), D(131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 128));
        // term_to_binary(1 bsl 64)
        var big = D(131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        Assert.Equal(new ErlangBigInteger(BigInteger.One << 64), big);
        Assert.IsType<ErlangBigInteger>(big);
    }

    [Fact]
    public void Small_big_that_fits_a_long_becomes_an_ErlangInteger()
    {
        var t = D(131, 110, 4, 0, 0, 0, 0, 128);
        Assert.IsType<ErlangInteger>(t);
        Assert.True(t.TryGetLong(out var v));
        Assert.Equal(2147483648L, v);
    }

    [Fact]
    public void Large_big_decodes()
    {
        var bytes = new byte[] { 131, 111, 0, 0, 1, 0, 1 }.Concat(Enumerable.Repeat((byte)0xFF, 256)).ToArray();
        var expected = -((BigInteger.One << 2048) - 1);
        Assert.Equal(new ErlangBigInteger(expected), D(bytes));
    }

    [Fact]
    public void New_float_and_old_string_float_decode()
    {
        Assert.Equal(new ErlangFloat(1.5), D(131, 70, 63, 248, 0, 0, 0, 0, 0, 0));
        // term_to_binary([1.5, 1.0e10], [{minor_version, 0}])
        byte[] old = [131, 108, 0, 0, 0, 2, 99, 49, 46, 53, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 48, 48, 0, 0, 0, 0, 0, 99, 49, 46, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 101, 43, 49, 48, 0, 0, 0, 0, 0, 106];
        Assert.Equal(ErlangTerm.List(new ErlangFloat(1.5), new ErlangFloat(1.0e10)), D(old));
    }

    [Fact]
    public void Atoms_decode_in_all_four_encodings_to_the_same_interned_atom()
    {
        var ok = ErlangAtom.Ok;
        Assert.Same(ok, D(131, 100, 0, 2, 111, 107));
        Assert.Same(ok, D(131, 115, 2, 111, 107));
        Assert.Same(ok, D(131, 118, 0, 2, 111, 107));
        Assert.Same(ok, D(131, 119, 2, 111, 107));
    }

    [Fact]
    public void Atoms_that_share_their_first_and_last_bytes_stay_distinct()
    {
        // The decoder's atom cache keys on the first and last 8 bytes; the middle must still count.
        string[] names = ["aaaaaaaa_X_bbbbbbbb", "aaaaaaaa_Y_bbbbbbbb", "aaaaaaaa_XY_bbbbbbbb", "ab", "\0ab", "abcdefgh", "abcdefghabcdefgh"];
        for (var round = 0; round < 3; round++)
        {
            foreach (var name in names)
            {
                var bytes = TermEncoder.ToBytes(ErlangAtom.Of(name));
                Assert.Equal(name, ((ErlangAtom)D(bytes)).Name);
            }
        }
    }

    [Fact]
    public void Latin1_and_utf8_atoms_decode_to_the_same_name()
    {
        Assert.Equal("ü", ((ErlangAtom)D(131, 100, 0, 1, 0xFC)).Name);
        Assert.Equal("ü", ((ErlangAtom)D(131, 119, 2, 0xC3, 0xBC)).Name);
        Assert.Equal("日本", ((ErlangAtom)D(131, 119, 6, 0xE6, 0x97, 0xA5, 0xE6, 0x9C, 0xAC)).Name);
    }

    [Fact]
    public void Atom_cache_ref_resolves_through_the_given_table_and_throws_without_one()
    {
        var cache = new[] { ErlangAtom.Of("a"), ErlangAtom.Of("reg") };
        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("reg"), ErlangAtom.Of("a")), TermDecoder.Decode([131, 104, 2, 82, 1, 82, 0], atomCache: cache));
        var ex = Assert.Throws<TermFormatException>(() => D(131, 82, 0));
        Assert.Contains("ATOM_CACHE_REF", ex.Message, StringComparison.Ordinal);
        Assert.Throws<TermFormatException>(() => TermDecoder.Decode([131, 82, 2], atomCache: cache));
    }

    [Fact]
    public void Tuples_lists_strings_and_nil_decode()
    {
        // term_to_binary({ok, [1, 2]})
        var t = D(131, 104, 2, 100, 0, 2, 111, 107, 107, 0, 2, 1, 2);
        Assert.True(t is ErlangTuple { Arity: 2 } tuple && tuple[0] == ErlangAtom.Ok);
        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Ok, ErlangTerm.List(ErlangInteger.Of(1), ErlangInteger.Of(2))), t);
        Assert.Same(ErlangList.Empty, D(131, 106));
        Assert.Equal("{ok,[1,2]}", t.ToString());

        var large = D([131, 105, 0, 0, 1, 0, .. Enumerable.Repeat((byte)106, 256)]);
        Assert.Equal(256, ((ErlangTuple)large).Arity);
    }

    [Fact]
    public void String_ext_is_a_char_list_equal_to_the_list_of_integers()
    {
        var s = D(131, 107, 0, 3, 97, 98, 99);
        var chars = Assert.IsType<ErlangCharList>(s);
        Assert.Equal("abc", chars.Text);
        var ints = ErlangTerm.List(ErlangInteger.Of(97), ErlangInteger.Of(98), ErlangInteger.Of(99));
        Assert.Equal(ints, s);
        Assert.Equal(s, ints);
        Assert.Equal(ints.GetHashCode(), s.GetHashCode());
        Assert.Equal("[97,98,99]", s.ToString());
        Assert.True(s.TryGetString(out var text));
        Assert.Equal("abc", text);
    }

    [Fact]
    public void Improper_list_keeps_its_tail_and_a_list_tail_is_flattened()
    {
        var improper = (ErlangList)D(131, 108, 0, 0, 0, 1, 97, 1, 97, 2);
        Assert.False(improper.IsProper);
        Assert.Equal(ErlangInteger.Of(2), improper.Tail);
        Assert.Equal("[1|2]", improper.ToString());

        // [1 | [2]] written as two LIST_EXT cells (binary_to_term gives [1,2])
        var flattened = D(131, 108, 0, 0, 0, 1, 97, 1, 108, 0, 0, 0, 1, 97, 2, 106);
        Assert.Equal(ErlangTerm.List(ErlangInteger.Of(1), ErlangInteger.Of(2)), flattened);
        Assert.True(((ErlangList)flattened).IsProper);
    }

    [Fact]
    public void Binaries_and_bitstrings_decode()
    {
        Assert.Equal(new ErlangBinary([1, 2]), D(131, 109, 0, 0, 0, 2, 1, 2));
        // term_to_binary(<<1:3>>)
        var bits = Assert.IsType<ErlangBitstring>(D(131, 77, 0, 0, 0, 1, 3, 32));
        Assert.Equal(3, bits.BitsInLastByte);
        Assert.Equal("<<1:3>>", bits.ToString());
        // binary_to_term(<<131,77,0,0,0,1,8,5>>) is <<5>>
        Assert.Equal(new ErlangBinary([5]), D(131, 77, 0, 0, 0, 1, 8, 5));
        Assert.Equal(ErlangBinary.Empty, D(131, 77, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void Maps_decode_and_look_up_by_key()
    {
        // term_to_binary(#{a => 1, <<"b">> => [x]}, [{minor_version, 2}])
        var m = Assert.IsType<ErlangMap>(D(131, 116, 0, 0, 0, 2, 119, 1, 97, 97, 1, 109, 0, 0, 0, 1, 98, 108, 0, 0, 0, 1, 119, 1, 120, 106));
        Assert.Equal(ErlangInteger.Of(1), m["a"]);
        Assert.Equal(ErlangTerm.List(ErlangAtom.Of("x")), m[ErlangBinary.FromString("b")]);
        Assert.False(m.ContainsKey(ErlangAtom.Of("c")));
        Assert.Equal("#{a => 1,<<98>> => [x]}", m.ToString());
    }

    [Fact]
    public void Map_with_duplicate_keys_is_rejected_like_binary_to_term_does()
    {
        Assert.Throws<TermFormatException>(() => D(131, 116, 0, 0, 0, 2, 97, 1, 97, 1, 97, 1, 97, 2));
    }

    [Fact]
    public void Pid_port_and_ref_from_a_real_node_decode()
    {
        // term_to_binary(self()) on a non-distributed node
        var pid = Assert.IsType<ErlangPid>(D(131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0));
        Assert.Equal(ErlangAtom.NoNode, pid.Node);
        Assert.Equal(9u, pid.Id);
        Assert.Equal("<nonode@nohost.9.0>", pid.ToString());

        // term_to_binary(hd(erlang:ports()))
        var port = Assert.IsType<ErlangPort>(D(131, 89, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 0, 0));
        Assert.Equal(0ul, port.Id);

        // term_to_binary(make_ref())
        var r = Assert.IsType<ErlangRef>(D(131, 90, 0, 3, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 0, 0, 0, 163, 209, 219, 244, 0, 1, 187, 3, 209, 178));
        Assert.Equal([0x0000A3D1u, 0xDBF40001u, 0xBB03D1B2u], r.Ids.ToArray());
        Assert.Equal("#Ref<nonode@nohost.3137589682.3690201089.41937>", r.ToString());
    }

    [Fact]
    public void Old_pid_port_and_reference_formats_decode()
    {
        byte[] node = [119, 1, 110];
        Assert.Equal(new ErlangPid(ErlangAtom.Of("n"), 5, 6, 2), D([131, 103, .. node, 0, 0, 0, 5, 0, 0, 0, 6, 2]));
        Assert.Equal(new ErlangPort(ErlangAtom.Of("n"), 7, 1), D([131, 102, .. node, 0, 0, 0, 7, 1]));
        Assert.Equal(new ErlangPort(ErlangAtom.Of("n"), 1UL << 40, 9), D([131, 120, .. node, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 9]));
        Assert.Equal(new ErlangRef(ErlangAtom.Of("n"), 1, [4]), D([131, 101, .. node, 0, 0, 0, 4, 1]));
        Assert.Equal(new ErlangRef(ErlangAtom.Of("n"), 3, [1, 2]), D([131, 114, 0, 2, .. node, 3, 0, 0, 0, 1, 0, 0, 0, 2]));
    }

    [Fact]
    public void Export_and_closure_from_a_real_node_decode_and_re_encode_equal()
    {
        // term_to_binary(fun lists:seq/2)
        var export = Assert.IsType<ErlangExport>(D(131, 113, 100, 0, 5, 108, 105, 115, 116, 115, 100, 0, 3, 115, 101, 113, 97, 2));
        Assert.Equal("fun lists:seq/2", export.ToString());

        // term_to_binary(fun(X) -> X end) from erl -eval (an erl_eval closure with one free variable)
        byte[] closure = [131, 112, 0, 0, 0, 160, 1, 6, 83, 97, 170, 70, 21, 144, 209, 189, 241, 235, 98, 209, 166, 235, 8, 0, 0, 0, 42, 0, 0, 0, 1, 100, 0, 8, 101, 114, 108, 95, 101, 118, 97, 108, 97, 42, 98, 0, 50, 155, 13, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 104, 6, 97, 6, 106, 100, 0, 4, 110, 111, 110, 101, 100, 0, 4, 110, 111, 110, 101, 116, 0, 0, 0, 0, 108, 0, 0, 0, 1, 104, 5, 100, 0, 6, 99, 108, 97, 117, 115, 101, 97, 6, 108, 0, 0, 0, 1, 104, 3, 100, 0, 3, 118, 97, 114, 97, 6, 100, 0, 1, 88, 106, 106, 108, 0, 0, 0, 1, 104, 3, 100, 0, 3, 118, 97, 114, 97, 6, 100, 0, 1, 88, 106, 106];
        var fun = Assert.IsType<ErlangFun>(D(closure));
        Assert.Equal("#Fun<erl_eval.42.3316493>", fun.ToString());
        Assert.Equal(1, fun.Arity);
        Assert.Equal(1, fun.FreeVars.Length);
        Assert.Equal(fun, TermDecoder.Decode(TermEncoder.ToBytes(fun)));
    }

    [Fact]
    public void Consecutive_terms_decode_one_after_another()
    {
        byte[] two = [131, 104, 2, 97, 2, 119, 1, 120, 131, 119, 2, 111, 107];
        var first = TermDecoder.Decode(two, out var used);
        Assert.Equal(8, used);
        Assert.Equal(ErlangTerm.Tuple(ErlangInteger.Of(2), ErlangAtom.Of("x")), first);
        Assert.Equal(ErlangAtom.Ok, TermDecoder.Decode(two.AsSpan(used), out var used2));
        Assert.Equal(5, used2);
    }

    [Fact]
    public void Terms_after_a_distribution_header_decode_without_version_byte()
    {
        byte[] body = [104, 1, 82, 0, 97, 7];
        var t = TermDecoder.DecodeWithoutVersion(body, out var used, atomCache: [ErlangAtom.Of("reg_send")]);
        Assert.Equal(4, used);
        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("reg_send")), t);
    }

    [Fact]
    public void Compressed_term_decodes()
    {
        var original = ErlangTerm.List(Enumerable.Range(0, 1000).Select(i => (ErlangTerm)ErlangAtom.Of("abc")).ToArray());
        var compressed = TermEncoder.ToCompressedBytes(original);
        Assert.True(compressed.Length < 200);
        Assert.Equal(original, TermDecoder.Decode(compressed));
    }

    [Fact]
    public void Local_ext_and_unknown_tags_are_clear_errors()
    {
        var ex = Assert.Throws<TermFormatException>(() => D(131, 121, 1, 2, 3));
        Assert.Contains("LOCAL_EXT", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ex.Position);
        Assert.Throws<TermFormatException>(() => D(131, 250));
        Assert.Throws<TermFormatException>(() => D(130, 97, 1));
        Assert.Throws<TermFormatException>(() => D());
    }

    [Fact]
    public void Trailing_bytes_after_the_only_term_are_an_error()
    {
        var ex = Assert.Throws<TermFormatException>(() => D(131, 97, 1, 0));
        Assert.Equal(3, ex.Position);
    }
}
