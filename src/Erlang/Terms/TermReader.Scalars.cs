using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace Gateway.Erlang.Terms;

// Terms without children: numbers, binaries, pids, ports, references, exports.
internal ref partial struct TermReader
{
    private ErlangFloat ReadNewFloat()
    {
        var start = pos;
        var value = BinaryPrimitives.ReadDoubleBigEndian(Take(8));
        if (!double.IsFinite(value))
        {
            throw Error("Float is NaN or infinite, which Erlang does not have", start);
        }

        return new ErlangFloat(value);
    }

    private ErlangFloat ReadOldFloat()
    {
        var start = pos;
        var text = Take(31);
        var end = text.IndexOf((byte)0);
        if (end >= 0)
        {
            text = text[..end];
        }

        Span<char> chars = stackalloc char[31];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }

        if (!double.TryParse(chars[..text.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error("FLOAT_EXT is not a number", start);
        }

        return new ErlangFloat(value);
    }

    private ErlangTerm ReadBig(uint length)
    {
        var start = pos;
        var sign = ReadByte();
        if (length > (uint)Remaining)
        {
            throw Error($"Big integer claims {length} bytes but only {Remaining} remain", start);
        }

        if (length > (uint)options.MaxBigIntegerBytes)
        {
            throw Error($"Big integer of {length} bytes, over the limit of {options.MaxBigIntegerBytes}", start);
        }

        var digits = Take((int)length);
        if (digits.Length <= 8)
        {
            ulong magnitude = 0;
            for (var i = digits.Length - 1; i >= 0; i--)
            {
                magnitude = (magnitude << 8) | digits[i];
            }

            if (sign == 0 && magnitude <= long.MaxValue)
            {
                return ErlangInteger.Of((long)magnitude);
            }

            if (sign != 0 && magnitude <= 1UL << 63)
            {
                return ErlangInteger.Of(magnitude == 1UL << 63 ? long.MinValue : -(long)magnitude);
            }
        }

        var value = new BigInteger(digits, isUnsigned: true, isBigEndian: false);
        return ErlangBigInteger.Of(sign == 0 ? value : -value);
    }

    private long ReadSmallOrInteger()
    {
        var start = pos;
        return ReadByte() switch
        {
            ExternalTermTag.SmallInteger => ReadByte(),
            ExternalTermTag.Integer => BinaryPrimitives.ReadInt32BigEndian(Take(4)),
            var tag => throw Error($"Expected an integer, found tag {tag}", start),
        };
    }

    private ErlangTerm ReadString()
    {
        var length = ReadUInt16();
        if (length == 0)
        {
            return ErlangList.Empty;
        }

        CountTerms(length);
        return new ErlangCharList(Take(length).ToArray());
    }

    private ErlangBinary ReadBinary()
    {
        var start = pos;
        var length = ReadUInt32();
        if (length > (uint)Remaining)
        {
            throw Error($"Binary claims {length} bytes but only {Remaining} remain", start);
        }

        return length == 0 ? ErlangBinary.Empty : new ErlangBinary(Take((int)length).ToArray());
    }

    private ErlangTerm ReadBitBinary(int start)
    {
        var length = ReadUInt32();
        var bits = ReadByte();
        if (length > (uint)Remaining)
        {
            throw Error($"Bitstring claims {length} bytes but only {Remaining} remain", start);
        }

        if (length == 0)
        {
            return bits == 0 ? ErlangBinary.Empty : throw Error($"Empty bitstring with {bits} bits in its last byte", start);
        }

        if (bits is 0 or > 8)
        {
            throw Error($"Bitstring has {bits} bits in its last byte, expected 1..8", start);
        }

        var bytes = Take((int)length).ToArray();
        if (bits == 8)
        {
            return new ErlangBinary(bytes);
        }

        bytes[^1] &= (byte)(0xFF << (8 - bits));
        return new ErlangBitstring(bytes, bits);
    }

    private ErlangPid ReadPidBody(byte tag)
    {
        var node = ReadAtom();
        var id = ReadUInt32();
        var serial = ReadUInt32();
        var creation = tag == ExternalTermTag.NewPid ? ReadUInt32() : ReadByte();
        return new ErlangPid(node, id, serial, creation);
    }

    private ErlangPort ReadPortBody(byte tag)
    {
        var node = ReadAtom();
        ulong id = tag == ExternalTermTag.V4Port ? BinaryPrimitives.ReadUInt64BigEndian(Take(8)) : ReadUInt32();
        var creation = tag == ExternalTermTag.Port ? ReadByte() : ReadUInt32();
        return new ErlangPort(node, id, creation);
    }

    private ErlangRef ReadRefBody(byte tag, int start)
    {
        if (tag == ExternalTermTag.Reference)
        {
            var oldNode = ReadAtom();
            var id = ReadUInt32();
            return new ErlangRef(oldNode, ReadByte(), [id]);
        }

        var count = ReadUInt16();
        if (count is 0 or > ErlangRef.MaxIds)
        {
            throw Error($"Reference has {count} id words, expected 1..{ErlangRef.MaxIds}", start);
        }

        var node = ReadAtom();
        var creation = tag == ExternalTermTag.NewerReference ? ReadUInt32() : ReadByte();
        var idBytes = Take(count * 4);
        var ids = new uint[count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = BinaryPrimitives.ReadUInt32BigEndian(idBytes.Slice(i * 4, 4));
        }

        return new ErlangRef(node, creation, ids);
    }

    private ErlangExport ReadExport(int start)
    {
        var module = ReadAtom();
        var function = ReadAtom();
        var arityStart = pos;
        if (ReadByte() != ExternalTermTag.SmallInteger)
        {
            throw Error("EXPORT_EXT arity is not a SMALL_INTEGER_EXT", arityStart);
        }

        _ = start;
        return new ErlangExport(module, function, ReadByte());
    }
}
