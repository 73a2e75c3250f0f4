using System.Numerics;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Terms;

public sealed class ErlangTermTests
{
    [Fact]
    public void Atoms_are_interned()
    {
        Assert.Same(ErlangAtom.Of("hello"), ErlangAtom.Of("hello".AsSpan()));
        Assert.Same(ErlangAtom.True, ErlangAtom.Of(true));
    }

    [Theory]
    [InlineData("ok", "ok")]
    [InlineData("hello world", "'hello world'")]
    [InlineData("Abc", "'Abc'")]
    [InlineData("a@b", "a@b")]
    [InlineData("a.b", "'a.b'")]
    [InlineData("", "''")]
    [InlineData("a'b", "'a\\'b'")]
    [InlineData("a\nb", "'a\\nb'")]
    [InlineData("after", "'after'")]
    [InlineData("über", "über")]
    [InlineData("日本", "'日本'")]
    public void Atoms_print_quoted_only_when_erlang_needs_quotes(string name, string printed)
    {
        Assert.Equal(printed, ErlangAtom.Of(name).ToString());
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0e10, "1.0e10")]
    [InlineData(1.0e21, "1.0e21")]
    [InlineData(123456789.0, "123456789.0")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1.0e-5, "1.0e-5")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(3.14159, "3.14159")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e308")]
    [InlineData(5.0e-324, "5.0e-324")]
    [InlineData(2.0e15, "2.0e15")]
    [InlineData(1.2345e16, "1.2345e16")]
    [InlineData(100.0, "100.0")]
    [InlineData(1000000.0, "1.0e6")]
    [InlineData(10000.0, "1.0e4")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(0.000123, "1.23e-4")]
    [InlineData(4503599627370496.0, "4503599627370496.0")]
    [InlineData(9007199254740992.0, "9.007199254740992e15")]
    [InlineData(94620892876359780.0, "9.462089287635978e16")]
    [InlineData(123456789.125, "123456789.125")]
    public void Floats_print_like_erlang_w(double value, string printed)
    {
        // Expected strings are io_lib:format("~w", [V]) from OTP 25.
        Assert.Equal(printed, new ErlangFloat(value).ToString());
    }

    [Fact]
    public void Composite_terms_print_in_erlang_syntax()
    {
        var t = ErlangTerm.Tuple(
            ErlangAtom.Ok,
            ErlangMap.Of((ErlangAtom.Of("a"), ErlangInteger.Of(1)), (ErlangBinary.FromString("x"), ErlangList.Improper(ErlangInteger.Of(2), ErlangInteger.Of(1)))),
            new ErlangBinary([1, 2]),
            new ErlangBitstring(new byte[] { 1, 0x50 }, 4),
            new ErlangBigInteger(BigInteger.Pow(10, 30)),
            new ErlangFloat(-2.5));
        Assert.Equal("{ok,#{a => 1,<<120>> => [1|2]},<<1,2>>,<<1,5:4>>,1000000000000000000000000000000,-2.5}", t.ToString());
    }

    [Fact]
    public void Equality_is_structural_and_hash_codes_agree()
    {
        ErlangTerm a = ErlangTerm.Tuple(ErlangAtom.Of("x"), ErlangTerm.List(ErlangInteger.Of(1000000), new ErlangFloat(1.5)), ErlangBinary.FromString("hé"));
        ErlangTerm b = ErlangTerm.Tuple(ErlangAtom.Of("x"), ErlangTerm.List(ErlangInteger.Of(1000000), new ErlangFloat(1.5)), ErlangBinary.FromString("hé"));
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ErlangTerm.Tuple(ErlangAtom.Of("x")));
        Assert.NotEqual<ErlangTerm>(ErlangInteger.Of(1), new ErlangFloat(1.0));
    }

    [Fact]
    public void Map_equality_ignores_pair_order()
    {
        var m1 = ErlangMap.Of((ErlangAtom.Of("a"), ErlangInteger.Of(1)), (ErlangAtom.Of("b"), ErlangInteger.Of(2)));
        var m2 = ErlangMap.Of((ErlangAtom.Of("b"), ErlangInteger.Of(2)), (ErlangAtom.Of("a"), ErlangInteger.Of(1)));
        TermAssert.Equal(m1, m2);
        Assert.Equal(m1.GetHashCode(), m2.GetHashCode());
        Assert.Throws<ArgumentException>(() => ErlangMap.Of((ErlangAtom.Of("a"), ErlangInteger.Of(1)), (ErlangAtom.Of("a"), ErlangInteger.Of(2))));
    }

    [Fact]
    public void Big_map_lookup_uses_an_index()
    {
        var pairs = Enumerable.Range(0, 100).Select(i => ((ErlangTerm)ErlangInteger.Of(i), (ErlangTerm)ErlangInteger.Of(i * 2))).ToArray();
        var map = ErlangMap.Of(pairs);
        Assert.Equal(ErlangInteger.Of(198), map[ErlangInteger.Of(99)]);
        Assert.False(map.TryGetValue(ErlangInteger.Of(100), out _));
    }

    [Fact]
    public void Big_integer_equals_the_integer_of_the_same_value()
    {
        Assert.Equal<ErlangTerm>(ErlangInteger.Of(5), new ErlangBigInteger(5));
        Assert.Equal(ErlangInteger.Of(5).GetHashCode(), new ErlangBigInteger(5).GetHashCode());
        Assert.IsType<ErlangInteger>(ErlangTerm.Integer(new BigInteger(long.MaxValue)));
    }

    [Fact]
    public void List_with_a_list_tail_is_flattened()
    {
        var l = new ErlangList([ErlangInteger.Of(1)], ErlangList.Improper(ErlangInteger.Of(3), ErlangInteger.Of(2)));
        Assert.Equal(2, l.Count);
        Assert.Equal("[1,2|3]", l.ToString());
    }

    [Fact]
    public void Text_accessors_read_binaries_charlists_and_unicode_lists()
    {
        Assert.True(ErlangBinary.FromString("héllo").TryGetString(out var s1));
        Assert.Equal("héllo", s1);
        Assert.True(ErlangList.FromText("日本").TryGetString(out var s2));
        Assert.Equal("日本", s2);
        Assert.False(ErlangTerm.List(ErlangInteger.Of(-1)).TryGetString(out _));
        Assert.True(ErlangInteger.Of(7).TryGetDouble(out var d));
        Assert.Equal(7.0, d);
        Assert.True(ErlangAtom.Ok.IsAtom("ok"));
    }

    [Fact]
    public void Proplist_lookup_follows_proplists_get_value()
    {
        // [{total, 100}, verbose, {total, 5}, {mfa, lists, seq, 2}]
        var list = ErlangTerm.List(
            ErlangTerm.Tuple(ErlangAtom.Of("total"), ErlangInteger.Of(100)),
            ErlangAtom.Of("verbose"),
            ErlangTerm.Tuple(ErlangAtom.Of("total"), ErlangInteger.Of(5)),
            ErlangTerm.Tuple(ErlangAtom.Of("mfa"), ErlangAtom.Of("lists"), ErlangAtom.Of("seq"), ErlangInteger.Of(2)));
        Assert.True(list.TryGetPropValue("total", out var total));
        Assert.Equal(ErlangInteger.Of(100), total);
        Assert.True(list.TryGetPropValue("verbose", out var verbose));
        Assert.Same(ErlangAtom.True, verbose);
        // proplists:get_value(mfa, L) is undefined for a 4-tuple entry.
        Assert.False(list.TryGetPropValue("mfa", out var mfa));
        Assert.Same(ErlangAtom.Undefined, mfa);
        Assert.False(list.TryGetPropValue("missing", out var missing));
        Assert.Same(ErlangAtom.Undefined, missing);
    }

    [Fact]
    public void Deeply_nested_terms_built_in_code_do_not_crash_the_process()
    {
        ErlangTerm t = ErlangList.Empty;
        for (var i = 0; i < 1_000_000; i++)
        {
            t = ErlangTerm.Tuple(t);
        }

        Assert.Throws<InsufficientExecutionStackException>(() => TermEncoder.ToBytes(t));
        Assert.Throws<InsufficientExecutionStackException>(() => t.ToString());
    }
}
