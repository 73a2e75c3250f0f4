using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;

namespace Gateway.Erlang.Terms;

/// <summary>
/// Encodes terms in the external term format as OTP 26+ nodes write it (UTF-8 atoms, NEW_FLOAT_EXT,
/// NEW_PID_EXT, NEWER_REFERENCE_EXT, V4_PORT_EXT for big port numbers), which OTP 24 and later decode.
/// The output is byte-for-byte what <c>term_to_binary(T, [{minor_version, 2}])</c> produces for the
/// same term, maps and funs included when their pairs and fields are in the order the node sent them.
/// </summary>
public static partial class TermEncoder
{
    // OTP 24+ writes NEW_PORT_EXT for the old 28-bit port numbers and V4_PORT_EXT above (checked
    // against OTP 25's term_to_binary); every node since OTP 24 decodes both.
    private const ulong MaxNewPortId = (1UL << 28) - 1;

    /// <summary>Writes the term, preceded by the version byte 131 unless <paramref name="withVersion"/> is false (terms after a distribution header).</summary>
    public static void Encode(ErlangTerm term, IBufferWriter<byte> writer, bool withVersion = true)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(writer);
        if (withVersion)
        {
            WriteByte(writer, ExternalTermTag.Version);
        }

        Write(term, writer);
    }

    /// <summary>The term as a new array, version byte first.</summary>
    public static byte[] ToBytes(ErlangTerm term, bool withVersion = true)
    {
        ArgumentNullException.ThrowIfNull(term);
        var size = GetEncodedSize(term, withVersion);
        var bytes = new byte[size];
        var writer = new SpanWriter(bytes);
        Encode(term, writer, withVersion);
        if (writer.Written != size)
        {
            throw new InvalidOperationException($"Encoded {writer.Written} bytes but computed {size}.");
        }

        return bytes;
    }

    /// <summary>
    /// The term compressed like <c>term_to_binary(T, [compressed])</c>: 131, 80, uncompressed size, zlib data.
    /// </summary>
    public static byte[] ToCompressedBytes(ErlangTerm term, CompressionLevel level = CompressionLevel.Optimal)
    {
        var raw = ToBytes(term, withVersion: false);
        using var output = new MemoryStream();
        output.WriteByte(ExternalTermTag.Version);
        output.WriteByte(ExternalTermTag.Compressed);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, raw.Length);
        output.Write(size);
        using (var zlib = new ZLibStream(output, level, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return output.ToArray();
    }

    /// <summary>How many bytes <see cref="Encode"/> writes for the term.</summary>
    public static int GetEncodedSize(ErlangTerm term, bool withVersion = true)
    {
        ArgumentNullException.ThrowIfNull(term);
        var size = Size(term) + (withVersion ? 1 : 0);
        return size > int.MaxValue ? throw new ArgumentException("The term encodes to more than 2 GiB.", nameof(term)) : (int)size;
    }

    private static void Write(ErlangTerm term, IBufferWriter<byte> writer)
    {
        switch (term)
        {
            case ErlangAtom a:
                WriteAtom(a, writer);
                break;
            case ErlangInteger i:
                WriteInteger(i.Value, writer);
                break;
            case ErlangBigInteger b:
                WriteBig(b.Value, writer);
                break;
            case ErlangFloat f:
                var fs = writer.GetSpan(9);
                fs[0] = ExternalTermTag.NewFloat;
                BinaryPrimitives.WriteDoubleBigEndian(fs[1..], f.Value);
                writer.Advance(9);
                break;
            case ErlangBinary bin:
                WriteHeader32(writer, ExternalTermTag.Binary, (uint)bin.Length);
                writer.Write(bin.Span);
                break;
            case ErlangBitstring bits:
                WriteHeader32(writer, ExternalTermTag.BitBinary, (uint)bits.Data.Length);
                WriteByte(writer, (byte)bits.BitsInLastByte);
                writer.Write(bits.Data.Span);
                break;
            case ErlangTuple t:
                RuntimeHelpersGuard.EnsureStack();
                if (t.Arity <= 255)
                {
                    var ts = writer.GetSpan(2);
                    ts[0] = ExternalTermTag.SmallTuple;
                    ts[1] = (byte)t.Arity;
                    writer.Advance(2);
                }
                else
                {
                    WriteHeader32(writer, ExternalTermTag.LargeTuple, (uint)t.Arity);
                }

                foreach (var e in t.Elements)
                {
                    Write(e, writer);
                }

                break;
            case ErlangList l:
                WriteList(l, writer);
                break;
            case ErlangMap m:
                RuntimeHelpersGuard.EnsureStack();
                WriteHeader32(writer, ExternalTermTag.Map, (uint)m.Count);
                foreach (var p in m.Pairs)
                {
                    Write(p.Key, writer);
                    Write(p.Value, writer);
                }

                break;
            case ErlangPid p:
                WritePid(p, writer);
                break;
            case ErlangPort port:
                WritePort(port, writer);
                break;
            case ErlangRef r:
                WriteRef(r, writer);
                break;
            case ErlangExport e:
                WriteByte(writer, ExternalTermTag.Export);
                WriteAtom(e.Module, writer);
                WriteAtom(e.Function, writer);
                var es = writer.GetSpan(2);
                es[0] = ExternalTermTag.SmallInteger;
                es[1] = e.Arity;
                writer.Advance(2);
                break;
            case ErlangFun f:
                WriteFun(f, writer);
                break;
            default:
                throw new ArgumentException($"Cannot encode {term.GetType().Name}.", nameof(term));
        }
    }

    private static void WriteAtom(ErlangAtom atom, IBufferWriter<byte> writer)
    {
        var utf8 = atom.Utf8;
        if (utf8.Length <= 255)
        {
            var span = writer.GetSpan(2 + utf8.Length);
            span[0] = ExternalTermTag.SmallAtomUtf8;
            span[1] = (byte)utf8.Length;
            utf8.CopyTo(span[2..]);
            writer.Advance(2 + utf8.Length);
        }
        else
        {
            var span = writer.GetSpan(3 + utf8.Length);
            span[0] = ExternalTermTag.AtomUtf8;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)utf8.Length);
            utf8.CopyTo(span[3..]);
            writer.Advance(3 + utf8.Length);
        }
    }

    private static void WriteInteger(long value, IBufferWriter<byte> writer)
    {
        if (value is >= 0 and <= 255)
        {
            var span = writer.GetSpan(2);
            span[0] = ExternalTermTag.SmallInteger;
            span[1] = (byte)value;
            writer.Advance(2);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            var span = writer.GetSpan(5);
            span[0] = ExternalTermTag.Integer;
            BinaryPrimitives.WriteInt32BigEndian(span[1..], (int)value);
            writer.Advance(5);
        }
        else
        {
            var n = MagnitudeLength(value);
            var span = writer.GetSpan(3 + n);
            span[0] = ExternalTermTag.SmallBig;
            span[1] = (byte)n;
            span[2] = value < 0 ? (byte)1 : (byte)0;
            var magnitude = value < 0 ? (ulong)-(value + 1) + 1 : (ulong)value;
            for (var i = 0; i < n; i++)
            {
                span[3 + i] = (byte)(magnitude >> (8 * i));
            }

            writer.Advance(3 + n);
        }
    }

    private static void WriteBig(BigInteger value, IBufferWriter<byte> writer)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            WriteInteger((long)value, writer);
            return;
        }

        var magnitude = BigInteger.Abs(value);
        var n = magnitude.GetByteCount(isUnsigned: true);
        var header = n <= 255 ? 3 : 6;
        var span = writer.GetSpan(header + n);
        if (n <= 255)
        {
            span[0] = ExternalTermTag.SmallBig;
            span[1] = (byte)n;
        }
        else
        {
            span[0] = ExternalTermTag.LargeBig;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)n);
        }

        span[header - 1] = value.Sign < 0 ? (byte)1 : (byte)0;
        magnitude.TryWriteBytes(span.Slice(header, n), out _, isUnsigned: true, isBigEndian: false);
        writer.Advance(header + n);
    }

    private static void WriteList(ErlangList list, IBufferWriter<byte> writer)
    {
        if (list.IsEmpty)
        {
            WriteByte(writer, ExternalTermTag.Nil);
            return;
        }

        if (IsByteString(list))
        {
            var span = writer.GetSpan(3 + list.Count);
            span[0] = ExternalTermTag.String;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)list.Count);
            if (list is ErlangCharList chars)
            {
                chars.Bytes.CopyTo(span[3..]);
            }
            else
            {
                for (var i = 0; i < list.Count; i++)
                {
                    span[3 + i] = (byte)((ErlangInteger)list[i]).Value;
                }
            }

            writer.Advance(3 + list.Count);
            return;
        }

        if (list is ErlangCharList longChars)
        {
            // Too long for STRING_EXT: a LIST_EXT of SMALL_INTEGER_EXT, as OTP writes it.
            WriteHeader32(writer, ExternalTermTag.List, (uint)longChars.Count);
            var bytes = longChars.Bytes;
            const int chunk = 4096;
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                var n = Math.Min(chunk, bytes.Length - offset);
                var span = writer.GetSpan(2 * n);
                for (var i = 0; i < n; i++)
                {
                    span[2 * i] = ExternalTermTag.SmallInteger;
                    span[(2 * i) + 1] = bytes[offset + i];
                }

                writer.Advance(2 * n);
            }

            WriteByte(writer, ExternalTermTag.Nil);
            return;
        }

        RuntimeHelpersGuard.EnsureStack();
        WriteHeader32(writer, ExternalTermTag.List, (uint)list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            Write(list[i], writer);
        }

        Write(list.Tail, writer);
    }

    private static void WritePid(ErlangPid pid, IBufferWriter<byte> writer)
    {
        WriteByte(writer, ExternalTermTag.NewPid);
        WriteAtom(pid.Node, writer);
        var span = writer.GetSpan(12);
        BinaryPrimitives.WriteUInt32BigEndian(span, pid.Id);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], pid.Serial);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], pid.Creation);
        writer.Advance(12);
    }

    private static void WritePort(ErlangPort port, IBufferWriter<byte> writer)
    {
        var small = port.Id <= MaxNewPortId;
        WriteByte(writer, small ? ExternalTermTag.NewPort : ExternalTermTag.V4Port);
        WriteAtom(port.Node, writer);
        var span = writer.GetSpan(small ? 8 : 12);
        int idLength;
        if (small)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, (uint)port.Id);
            idLength = 4;
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(span, port.Id);
            idLength = 8;
        }

        BinaryPrimitives.WriteUInt32BigEndian(span[idLength..], port.Creation);
        writer.Advance(idLength + 4);
    }

    private static void WriteRef(ErlangRef r, IBufferWriter<byte> writer)
    {
        var head = writer.GetSpan(3);
        head[0] = ExternalTermTag.NewerReference;
        BinaryPrimitives.WriteUInt16BigEndian(head[1..], (ushort)r.Ids.Length);
        writer.Advance(3);
        WriteAtom(r.Node, writer);
        var length = 4 + (4 * r.Ids.Length);
        var span = writer.GetSpan(length);
        BinaryPrimitives.WriteUInt32BigEndian(span, r.Creation);
        for (var i = 0; i < r.Ids.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(4 + (4 * i))..], r.Ids[i]);
        }

        writer.Advance(length);
    }

    private static void WriteFun(ErlangFun f, IBufferWriter<byte> writer)
    {
        var size = FunBodySize(f);
        if (size > uint.MaxValue)
        {
            throw new ArgumentException("The fun encodes to more than 4 GiB.", nameof(f));
        }

        var headerLength = 1 + 4 + 1 + ErlangFun.UniqLength + 4 + 4;
        var span = writer.GetSpan(headerLength);
        span[0] = ExternalTermTag.NewFun;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        span[5] = f.Arity;
        f.Uniq.CopyTo(span[6..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[(6 + ErlangFun.UniqLength)..], f.Index);
        BinaryPrimitives.WriteUInt32BigEndian(span[(10 + ErlangFun.UniqLength)..], (uint)f.FreeVars.Length);
        writer.Advance(headerLength);
        WriteAtom(f.Module, writer);
        WriteInteger(f.OldIndex, writer);
        WriteInteger(f.OldUniq, writer);
        WritePid(f.Pid, writer);
        RuntimeHelpersGuard.EnsureStack();
        foreach (var v in f.FreeVars)
        {
            Write(v, writer);
        }
    }

    private static void WriteHeader32(IBufferWriter<byte> writer, byte tag, uint length)
    {
        var span = writer.GetSpan(5);
        span[0] = tag;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], length);
        writer.Advance(5);
    }

    private static void WriteByte(IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }
}
