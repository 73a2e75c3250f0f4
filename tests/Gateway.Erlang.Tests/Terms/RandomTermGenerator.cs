using System.Numerics;
using System.Text;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Terms;

/// <summary>
/// Seeded random terms. With <c>printable: true</c> it avoids pids, ports, refs and funs, so that the
/// term's ToString is Erlang source that erl can evaluate back to the same term.
/// </summary>
internal sealed class RandomTermGenerator(int seed, bool printable)
{
    private static readonly string[] AtomAlphabets =
    [
        "abcdefghijklmnopqrstuvwxyz_@0123456789",
        "ABCxyz _.-'\\\"\t\n!?",
        "äöüßéèÀÉ×÷ÿ",
        "日本語ひらがな€😀",
    ];

    private readonly Random random = new(seed);

    public bool ContainsUnorderedMap { get; private set; }

    public ErlangTerm Next(int maxDepth = 4)
    {
        ContainsUnorderedMap = false;
        wideBudget = 1;
        return Term(maxDepth);
    }

    // At most one wide (300-element) container per term keeps the erl side fast.
    private int wideBudget;

    private int Width(int normal)
    {
        if (wideBudget > 0 && random.Next(20) == 0)
        {
            wideBudget--;
            return 300;
        }

        return normal;
    }

    private ErlangTerm Term(int depth)
    {
        var kinds = depth <= 0 ? 8 : 13;
        return random.Next(kinds) switch
        {
            0 => Atom(),
            1 => SmallInteger(),
            2 => LargeInteger(),
            3 => Float(),
            4 => Binary(),
            5 => Bitstring(),
            6 => printable ? Atom() : Identifier(),
            7 => random.Next(2) == 0 ? ErlangList.Empty : CharList(),
            8 => Tuple(depth - 1),
            9 => List(depth - 1),
            10 => ImproperList(depth - 1),
            11 => Map(depth - 1),
            _ => Tuple(depth - 1),
        };
    }

    public ErlangAtom Atom()
    {
        var alphabet = AtomAlphabets[random.Next(AtomAlphabets.Length)];
        var length = random.Next(10) == 0 ? random.Next(200, 256) : random.Next(0, 12);
        var sb = new StringBuilder();
        var runes = alphabet.EnumerateRunes().ToArray();
        for (var i = 0; i < length; i++)
        {
            sb.Append(runes[random.Next(runes.Length)].ToString());
        }

        // An atom has at most 255 characters (code points).
        var text = sb.ToString();
        while (text.EnumerateRunes().Count() > ErlangAtom.MaxLength)
        {
            text = text[..^(char.IsLowSurrogate(text[^1]) ? 2 : 1)];
        }

        return ErlangAtom.Of(text);
    }

    private ErlangInteger SmallInteger() => ErlangInteger.Of(random.Next(-300, 300));

    private ErlangTerm LargeInteger()
    {
        switch (random.Next(4))
        {
            case 0:
                return ErlangInteger.Of(random.Next(int.MinValue, int.MaxValue));
            case 1:
                return ErlangInteger.Of(random.NextInt64(long.MinValue, long.MaxValue));
            default:
                var bytes = new byte[random.Next(1, random.Next(3) == 0 ? 400 : 20)];
                random.NextBytes(bytes);
                var value = new BigInteger(bytes, isUnsigned: true);
                return ErlangTerm.Integer(random.Next(2) == 0 ? value : -value);
        }
    }

    private ErlangFloat Float()
    {
        while (true)
        {
            var value = random.Next(3) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                1 => Math.Round((random.NextDouble() - 0.5) * 1000, random.Next(0, 4)),
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)),
            };

            // Erlang has no NaN/infinity; -0.0 is left out because "-0.0" evaluates to 0.0 before OTP 27.
            if (double.IsFinite(value) && BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(-0.0))
            {
                return new ErlangFloat(value);
            }
        }
    }

    private ErlangBinary Binary()
    {
        var bytes = new byte[random.Next(30) == 0 ? random.Next(256, 2000) : random.Next(0, 20)];
        random.NextBytes(bytes);
        return new ErlangBinary(bytes);
    }

    private ErlangBitstring Bitstring()
    {
        var bytes = new byte[random.Next(1, 10)];
        random.NextBytes(bytes);
        return new ErlangBitstring(bytes, random.Next(1, 8));
    }

    private ErlangTerm Identifier()
    {
        var node = random.Next(3) == 0 ? ErlangAtom.NoNode : ErlangAtom.Of("n" + random.Next(100) + "@host" + random.Next(3));
        var creation = (uint)random.NextInt64(0, uint.MaxValue);
        return random.Next(3) switch
        {
            0 => new ErlangPid(node, (uint)random.Next(0, 1 << 15), (uint)random.Next(0, 1 << 13), creation),
            1 => new ErlangPort(node, random.Next(2) == 0 ? (ulong)random.Next() : (ulong)random.NextInt64(0, 1L << 50), creation),
            _ => new ErlangRef(node, creation, [(uint)random.Next(0, 1 << 18), (uint)random.NextInt64(0, uint.MaxValue), (uint)random.NextInt64(0, uint.MaxValue)]),
        };
    }

    private ErlangCharList CharList()
    {
        var bytes = new byte[random.Next(1, 40)];
        random.NextBytes(bytes);
        return new ErlangCharList(bytes);
    }

    private ErlangTerm[] Elements(int depth, int max)
    {
        var items = new ErlangTerm[random.Next(0, max)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Term(depth);
        }

        return items;
    }

    private ErlangTuple Tuple(int depth) => new(Elements(depth, Width(6)));

    private ErlangList List(int depth) => ErlangList.Of(Elements(depth, Width(6)));

    private ErlangList ImproperList(int depth)
    {
        var items = Elements(depth, 5);
        if (items.Length == 0)
        {
            items = [Term(depth)];
        }

        ErlangTerm tail;
        do
        {
            tail = Term(depth);
        }
        while (tail is ErlangList);

        return new ErlangList(items, tail);
    }

    private ErlangMap Map(int depth)
    {
        var count = random.Next(0, Width(5) == 300 ? 40 : 5);
        var keys = new HashSet<ErlangTerm>();
        var pairs = new List<KeyValuePair<ErlangTerm, ErlangTerm>>();
        for (var i = 0; i < count; i++)
        {
            var key = Term(Math.Min(depth, 1));
            if (keys.Add(key))
            {
                pairs.Add(new(key, Term(depth)));
            }
        }

        if (pairs.Count > 1)
        {
            ContainsUnorderedMap = true;
        }

        return new ErlangMap(pairs.ToArray());
    }
}
