using System.Numerics;

namespace Gateway.Erlang.Terms;

// How many bytes each term encodes to: ToBytes allocates exactly once, and NEW_FUN_EXT needs its size up front.
public static partial class TermEncoder
{
    private static long Size(ErlangTerm term)
    {
        switch (term)
        {
            case ErlangAtom a:
                return AtomSize(a);
            case ErlangInteger i:
                return IntegerSize(i.Value);
            case ErlangBigInteger b:
                return BigSize(b.Value);
            case ErlangFloat:
                return 9;
            case ErlangBinary bin:
                return 5 + bin.Length;
            case ErlangBitstring bits:
                return 6 + bits.Data.Length;
            case ErlangTuple t:
                RuntimeHelpersGuard.EnsureStack();
                long tupleSize = t.Arity <= 255 ? 2 : 5;
                foreach (var e in t.Elements)
                {
                    tupleSize += Size(e);
                }

                return tupleSize;
            case ErlangList l:
                return ListSize(l);
            case ErlangMap m:
                RuntimeHelpersGuard.EnsureStack();
                long mapSize = 5;
                foreach (var p in m.Pairs)
                {
                    mapSize += Size(p.Key) + Size(p.Value);
                }

                return mapSize;
            case ErlangPid p:
                return 13 + AtomSize(p.Node);
            case ErlangPort port:
                return (port.Id <= MaxNewPortId ? 9 : 13) + AtomSize(port.Node);
            case ErlangRef r:
                return 7 + AtomSize(r.Node) + (4 * r.Ids.Length);
            case ErlangExport e:
                return 3 + AtomSize(e.Module) + AtomSize(e.Function);
            case ErlangFun f:
                return 1 + FunBodySize(f);
            default:
                throw new ArgumentException($"Cannot encode {term.GetType().Name}.", nameof(term));
        }
    }

    private static int AtomSize(ErlangAtom atom) => atom.Utf8.Length <= 255 ? 2 + atom.Utf8.Length : 3 + atom.Utf8.Length;

    private static int IntegerSize(long value) => value switch
    {
        >= 0 and <= 255 => 2,
        >= int.MinValue and <= int.MaxValue => 5,
        _ => 3 + MagnitudeLength(value),
    };

    private static long BigSize(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return IntegerSize((long)value);
        }

        var n = BigInteger.Abs(value).GetByteCount(isUnsigned: true);
        return n <= 255 ? 3 + n : 6 + n;
    }

    private static long ListSize(ErlangList list)
    {
        if (list.IsEmpty)
        {
            return 1;
        }

        if (IsByteString(list))
        {
            return 3 + list.Count;
        }

        if (list is ErlangCharList)
        {
            return 5 + (2L * list.Count) + 1;
        }

        RuntimeHelpersGuard.EnsureStack();
        long size = 5 + Size(list.Tail);
        for (var i = 0; i < list.Count; i++)
        {
            size += Size(list[i]);
        }

        return size;
    }

    // The NEW_FUN_EXT body after the tag: Size counts itself and everything after it.
    private static long FunBodySize(ErlangFun f)
    {
        RuntimeHelpersGuard.EnsureStack();
        long size = 4 + 1 + ErlangFun.UniqLength + 4 + 4 + AtomSize(f.Module) + IntegerSize(f.OldIndex) + IntegerSize(f.OldUniq) + Size(f.Pid);
        foreach (var v in f.FreeVars)
        {
            size += Size(v);
        }

        return size;
    }

    // OTP writes proper lists of 1..65535 integers 0..255 as STRING_EXT.
    private static bool IsByteString(ErlangList list)
    {
        if (list is ErlangCharList)
        {
            return list.Count <= ushort.MaxValue;
        }

        if (!list.IsProper || list.Count > ushort.MaxValue)
        {
            return false;
        }

        foreach (var e in list.Elements)
        {
            if (e is not ErlangInteger { Value: >= 0 and <= 255 })
            {
                return false;
            }
        }

        return true;
    }

    private static int MagnitudeLength(long value)
    {
        var magnitude = value < 0 ? (ulong)-(value + 1) + 1 : (ulong)value;
        return (64 - BitOperations.LeadingZeroCount(magnitude) + 7) / 8;
    }
}
