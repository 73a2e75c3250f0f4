namespace Gateway.Snmp.Ber;

/// <summary>
/// Strict forward-only BER reader over a span. Every length is checked against the bytes that are
/// really there before anything is sliced or allocated, nesting is bounded, and every failure is a
/// <see cref="SnmpDecodeException"/>.
/// </summary>
public ref struct BerReader
{
    /// <summary>SNMP messages nest at most ~6 levels (message, header/scoped PDU, PDU, varbind list, varbind); 16 leaves room for Opaque-free slack.</summary>
    public const int MaxDepth = 16;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private readonly int _depth;
    private int _position;

    public BerReader(ReadOnlySpan<byte> data)
        : this(data, 0, 0)
    {
    }

    /// <summary>A reader over bytes that sit at <paramref name="baseOffset"/> in a larger buffer, <paramref name="depth"/> levels deep.</summary>
    public BerReader(ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        _data = data;
        _baseOffset = baseOffset;
        _depth = depth;
        _position = 0;
    }

    public readonly int Depth => _depth;

    public readonly bool HasData => _position < _data.Length;

    /// <summary>Offset of the next byte, relative to the buffer the outermost reader was created on.</summary>
    public readonly int Offset => _baseOffset + _position;

    public readonly byte PeekTag()
    {
        if (_position >= _data.Length)
        {
            throw Error("unexpected end of data, expected a tag");
        }

        return _data[_position];
    }

    /// <summary>Reads one TLV and returns its tag and content (a slice, no copy).</summary>
    public ReadOnlySpan<byte> ReadTlv(out byte tag, out int contentOffset)
    {
        tag = PeekTag();
        if ((tag & 0x1F) == 0x1F)
        {
            throw Error($"multi-byte tag 0x{tag:X2} is not used by SNMP");
        }

        _position++;
        int length = ReadLength();
        contentOffset = Offset;
        var content = _data.Slice(_position, length);
        _position += length;
        return content;
    }

    public ReadOnlySpan<byte> ReadTlv(out byte tag) => ReadTlv(out tag, out _);

    public ReadOnlySpan<byte> ReadExpected(byte expectedTag, out int contentOffset)
    {
        var content = ReadTlv(out byte tag, out contentOffset);
        if (tag != expectedTag)
        {
            throw new SnmpDecodeException($"expected tag 0x{expectedTag:X2}, found 0x{tag:X2}") { Offset = contentOffset };
        }

        return content;
    }

    public ReadOnlySpan<byte> ReadExpected(byte expectedTag) => ReadExpected(expectedTag, out _);

    /// <summary>Enters a constructed value with the given tag and returns a reader limited to its content.</summary>
    public BerReader ReadConstructed(byte expectedTag)
    {
        var content = ReadExpected(expectedTag, out int contentOffset);
        return Nested(content, contentOffset);
    }

    /// <summary>Enters a constructed value with any tag (PDUs), returning the tag.</summary>
    public BerReader ReadConstructed(out byte tag)
    {
        var content = ReadTlv(out tag, out int contentOffset);
        if ((tag & 0x20) == 0)
        {
            throw new SnmpDecodeException($"tag 0x{tag:X2} is not constructed") { Offset = contentOffset };
        }

        return Nested(content, contentOffset);
    }

    public BerReader ReadSequence() => ReadConstructed(BerTag.Sequence);

    public int ReadInteger32() => BerPrimitives.DecodeInteger32(ReadExpected(BerTag.Integer, out int off), off);

    public ReadOnlySpan<byte> ReadOctetString() => ReadExpected(BerTag.OctetString);

    public ReadOnlySpan<byte> ReadOctetString(out int contentOffset) => ReadExpected(BerTag.OctetString, out contentOffset);

    public void ReadNull()
    {
        var content = ReadExpected(BerTag.Null, out int off);
        if (!content.IsEmpty)
        {
            throw new SnmpDecodeException("NULL with content") { Offset = off };
        }
    }

    public ObjectIdentifier ReadObjectIdentifier() =>
        BerPrimitives.DecodeObjectIdentifier(ReadExpected(BerTag.ObjectIdentifier, out int off), off);

    public readonly void EnsureEnd()
    {
        if (_position != _data.Length)
        {
            throw Error($"{_data.Length - _position} trailing bytes");
        }
    }

    private readonly BerReader Nested(ReadOnlySpan<byte> content, int contentOffset)
    {
        if (_depth + 1 > MaxDepth)
        {
            throw new SnmpDecodeException("BER nesting too deep") { Offset = contentOffset };
        }

        return new BerReader(content, contentOffset, _depth + 1);
    }

    private int ReadLength()
    {
        if (_position >= _data.Length)
        {
            throw Error("unexpected end of data, expected a length");
        }

        byte first = _data[_position++];
        int length;
        if (first < 0x80)
        {
            length = first;
        }
        else if (first == 0x80)
        {
            throw Error("indefinite length is not allowed in SNMP");
        }
        else
        {
            int count = first & 0x7F;
            if (count > 4)
            {
                throw Error($"length of {count} bytes is too long");
            }

            if (_data.Length - _position < count)
            {
                throw Error("truncated length");
            }

            long value = 0;
            for (int i = 0; i < count; i++)
            {
                value = (value << 8) | _data[_position++];
            }

            if (value > int.MaxValue)
            {
                throw Error("length too large");
            }

            length = (int)value;
        }

        if (length > _data.Length - _position)
        {
            throw Error($"length {length} exceeds the {_data.Length - _position} remaining bytes");
        }

        return length;
    }

    private readonly SnmpDecodeException Error(string message) => new(message) { Offset = Offset };
}
