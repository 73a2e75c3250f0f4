using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gateway.Erlang.Terms;

/// <summary>
/// Reads one external term from a span. Containers (tuples, lists, maps, fun environments) are decoded
/// with an explicit stack of frames instead of recursion, so hostile nesting hits
/// <see cref="TermDecoderOptions.MaxDepth"/> rather than the end of the thread's stack.
/// </summary>
internal ref partial struct TermReader
{
    private readonly ReadOnlySpan<byte> data;
    private readonly TermDecoderOptions options;
    private readonly IReadOnlyList<ErlangAtom>? atomCache;
    private readonly int offset;
    private int pos;
    private long terms;
    private Frame[]? stack;
    private int depth;

    public TermReader(ReadOnlySpan<byte> data, TermDecoderOptions options, IReadOnlyList<ErlangAtom>? atomCache, int offset)
    {
        this.data = data;
        this.options = options;
        this.atomCache = atomCache;
        this.offset = offset;
    }

    public readonly int Position => pos;

    private enum FrameKind : byte
    {
        Tuple,
        List,
        Map,
        Fun,
    }

    private struct Frame
    {
        public FrameKind Kind;
        public ErlangTerm[] Items;
        public int Filled;
        public FunHeader? Fun;
    }

    private sealed class FunHeader
    {
        public required int Start;
        public required uint Size;
        public required byte Arity;
        public required byte[] Uniq;
        public required uint Index;
        public required ErlangAtom Module;
        public required long OldIndex;
        public required long OldUniq;
        public required ErlangPid Pid;
    }

    public ErlangTerm ReadTerm()
    {
        while (true)
        {
            ErlangTerm? value;
            // The most common term in replies gets a path without the general dispatch.
            if ((uint)(pos + 1) < (uint)data.Length && data[pos] == ExternalTermTag.SmallInteger)
            {
                if (++terms > options.MaxTerms)
                {
                    throw TooManyTerms();
                }

                value = ErlangInteger.Of(data[pos + 1]);
                pos += 2;
            }
            else
            {
                value = ReadScalarOrPush();
            }

            if (value is null)
            {
                continue; // a container was opened; read its first element
            }

            // Hand the value to the enclosing containers, closing each one that is now complete.
            while (true)
            {
                if (depth == 0)
                {
                    return value;
                }

                ref var top = ref stack![depth - 1];
                if (top.Kind == FrameKind.List && top.Filled == top.Items.Length)
                {
                    value = CloseList(top.Items, value);
                    Pop();
                    continue;
                }

                // Filled < Items.Length here, and Items is exactly an ErlangTerm[]: skip the bounds and
                // covariant-store checks, which profiling showed cost a fifth of decoding time.
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(top.Items), top.Filled++) = value;
                if (top.Kind == FrameKind.List || top.Filled < top.Items.Length)
                {
                    break;
                }

                value = Close(ref top);
                Pop();
            }
        }
    }

    // Returns the value of a term without children, or null after pushing a frame for a container
    // whose children follow.
    private ErlangTerm? ReadScalarOrPush()
    {
        var start = pos;
        CountTerms(1);
        var tag = ReadByte();
        switch (tag)
        {
            case ExternalTermTag.SmallInteger:
                return ErlangInteger.Of(ReadByte());
            case ExternalTermTag.Integer:
                return ErlangInteger.Of(BinaryPrimitives.ReadInt32BigEndian(Take(4)));
            case ExternalTermTag.NewFloat:
                return ReadNewFloat();
            case ExternalTermTag.Float:
                return ReadOldFloat();
            case ExternalTermTag.SmallBig:
                return ReadBig(ReadByte());
            case ExternalTermTag.LargeBig:
                return ReadBig(ReadUInt32());
            case ExternalTermTag.Atom:
            case ExternalTermTag.SmallAtom:
            case ExternalTermTag.AtomUtf8:
            case ExternalTermTag.SmallAtomUtf8:
            case ExternalTermTag.AtomCacheRef:
                return ReadAtomBody(tag, start);
            case ExternalTermTag.Nil:
                return ErlangList.Empty;
            case ExternalTermTag.String:
                return ReadString();
            case ExternalTermTag.Binary:
                return ReadBinary();
            case ExternalTermTag.BitBinary:
                return ReadBitBinary(start);
            case ExternalTermTag.Pid:
            case ExternalTermTag.NewPid:
                return ReadPidBody(tag);
            case ExternalTermTag.Port:
            case ExternalTermTag.NewPort:
            case ExternalTermTag.V4Port:
                return ReadPortBody(tag);
            case ExternalTermTag.Reference:
            case ExternalTermTag.NewReference:
            case ExternalTermTag.NewerReference:
                return ReadRefBody(tag, start);
            case ExternalTermTag.Export:
                return ReadExport(start);
            case ExternalTermTag.SmallTuple:
                return OpenTuple(ReadByte(), start);
            case ExternalTermTag.LargeTuple:
                return OpenTuple(ReadUInt32(), start);
            case ExternalTermTag.List:
                return OpenList(ReadUInt32(), start);
            case ExternalTermTag.Map:
                return OpenMap(ReadUInt32(), start);
            case ExternalTermTag.NewFun:
                return OpenFun(start);
            case ExternalTermTag.Local:
                throw Error("LOCAL_EXT (121) is only meaningful to the node that encoded it and is not supported", start);
            case ExternalTermTag.Fun:
                throw Error("FUN_EXT (117) was removed in OTP 23 and is not supported", start);
            case ExternalTermTag.Compressed:
                throw Error("A compressed term (80) is only allowed at the top level", start);
            case ExternalTermTag.DistHeader:
            case ExternalTermTag.DistFragmentHeader:
                throw Error($"Distribution header tag {tag} inside a term", start);
            default:
                throw Error($"Unknown tag {tag}", start);
        }
    }

    // ---- primitives -----------------------------------------------------------------------

    private readonly int Remaining => data.Length - pos;

    private void CountTerms(long count)
    {
        terms += count;
        if (terms > options.MaxTerms)
        {
            throw TooManyTerms();
        }
    }

    private readonly TermFormatException TooManyTerms() => Error($"More than {options.MaxTerms} terms", pos);

    private byte ReadByte()
    {
        if (pos >= data.Length)
        {
            throw Truncated();
        }

        return data[pos++];
    }

    private ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > data.Length - pos)
        {
            throw Truncated();
        }

        var span = data.Slice(pos, count);
        pos += count;
        return span;
    }

    private readonly TermFormatException Truncated() => Error("Truncated term", data.Length);

    private readonly TermFormatException Error(string reason, int at) => new(reason, offset + at);
}
