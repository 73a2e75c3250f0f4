using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Terms;

internal static class TermAssert
{
    // xunit's Assert.Equal compares IEnumerable element by element, which would make map equality
    // order-sensitive; terms define their own (Erlang =:=) equality.
    public static void Equal(ErlangTerm expected, ErlangTerm actual, string? context = null)
    {
        if (!expected.Equals(actual))
        {
            Assert.Fail($"{context}\nExpected: {Shorten(expected)}\nActual:   {Shorten(actual)}");
        }
    }

    private static string Shorten(ErlangTerm t)
    {
        var s = t.ToString();
        return s.Length > 2000 ? s[..2000] + "…" : s;
    }
}
