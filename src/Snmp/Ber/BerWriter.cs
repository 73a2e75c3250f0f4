using System.Buffers;
using System.Buffers.Binary;

namespace Gateway.Snmp.Ber;

/// <summary>
/// Reusable BER writer over a growable buffer. Constructed values reserve a one-byte length and are
/// patched on close (content shifted right in the rare case the length needs the long form), so a
/// message is written in one forward pass without computing sizes first.
/// </summary>
public sealed class BerWriter : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _position;

    public BerWriter(int initialCapacity = 1024)
    {
        _buffer = new byte[Math.Max(64, initialCapacity)];
    }

    public int Position => _position;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _position);

    /// <summary>Writable view of already written bytes, to patch in a digest after the fact.</summary>
    public Span<byte> WrittenSpanForPatching(int offset, int length) => _buffer.AsSpan(offset, length);

    public void Reset() => _position = 0;

    public void CopyTo(IBufferWriter<byte> destination) => destination.Write(WrittenSpan);

    public int BeginConstructed(byte tag)
    {
        Ensure(2);
        _buffer[_position++] = tag;
        _buffer[_position++] = 0;
        return _position;
    }

    public int BeginSequence() => BeginConstructed(BerTag.Sequence);

    public void EndConstructed(int mark)
    {
        int length = _position - mark;
        if (length < 0x80)
        {
            _buffer[mark - 1] = (byte)length;
            return;
        }

        int extra = length <= 0xFF ? 1 : length <= 0xFFFF ? 2 : length <= 0xFFFFFF ? 3 : 4;
        Ensure(extra);
        Buffer.BlockCopy(_buffer, mark, _buffer, mark + extra, length);
        _buffer[mark - 1] = (byte)(0x80 | extra);
        for (int i = extra - 1, shift = 0; i >= 0; i--, shift += 8)
        {
            _buffer[mark + i] = (byte)(length >> shift);
        }

        _position += extra;
    }

    public void WriteLength(int length)
    {
        Ensure(5);
        if (length < 0x80)
        {
            _buffer[_position++] = (byte)length;
            return;
        }

        int count = length <= 0xFF ? 1 : length <= 0xFFFF ? 2 : length <= 0xFFFFFF ? 3 : 4;
        _buffer[_position++] = (byte)(0x80 | count);
        for (int shift = (count - 1) * 8; shift >= 0; shift -= 8)
        {
            _buffer[_position++] = (byte)(length >> shift);
        }
    }

    public void WriteInteger(long value, byte tag = BerTag.Integer)
    {
        int length = BerPrimitives.IntegerLength(value);
        Ensure(2 + length);
        _buffer[_position++] = tag;
        _buffer[_position++] = (byte)length;
        for (int shift = (length - 1) * 8; shift >= 0; shift -= 8)
        {
            _buffer[_position++] = (byte)(value >> shift);
        }
    }

    public void WriteUnsigned(byte tag, ulong value)
    {
        int length = BerPrimitives.UnsignedLength(value);
        Ensure(2 + length);
        _buffer[_position++] = tag;
        _buffer[_position++] = (byte)length;
        for (int i = length - 1; i >= 0; i--)
        {
            _buffer[_position++] = i >= 8 ? (byte)0 : (byte)(value >> (i * 8));
        }
    }

    public void WriteOctetString(ReadOnlySpan<byte> value, byte tag = BerTag.OctetString)
    {
        Ensure(6 + value.Length);
        _buffer[_position++] = tag;
        WriteLength(value.Length);
        value.CopyTo(_buffer.AsSpan(_position));
        _position += value.Length;
    }

    /// <summary>Writes an OCTET STRING of <paramref name="length"/> zero bytes and returns the offset of its content (for digests).</summary>
    public int WriteZeroOctetString(int length)
    {
        Ensure(6 + length);
        _buffer[_position++] = BerTag.OctetString;
        WriteLength(length);
        int offset = _position;
        _buffer.AsSpan(_position, length).Clear();
        _position += length;
        return offset;
    }

    public void WriteNull(byte tag = BerTag.Null)
    {
        Ensure(2);
        _buffer[_position++] = tag;
        _buffer[_position++] = 0;
    }

    public void WriteIpAddress(ReadOnlySpan<byte> address4)
    {
        WriteOctetString(address4, BerTag.IpAddress);
    }

    public void WriteObjectIdentifier(ObjectIdentifier oid) => WriteObjectIdentifier(oid.Ids);

    public void WriteObjectIdentifier(ReadOnlySpan<uint> ids)
    {
        int length = BerPrimitives.ObjectIdentifierContentLength(ids);
        Ensure(6 + length);
        _buffer[_position++] = BerTag.ObjectIdentifier;
        WriteLength(length);
        WriteSubIdentifier((ids[0] * 40) + ids[1]);
        for (int i = 2; i < ids.Length; i++)
        {
            WriteSubIdentifier(ids[i]);
        }
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    public void WriteUInt32BigEndian(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(_position), value);
        _position += 4;
    }

    private void WriteSubIdentifier(uint value)
    {
        int length = BerPrimitives.SubIdentifierLength(value);
        for (int i = length - 1; i >= 0; i--)
        {
            byte b = (byte)((value >> (i * 7)) & 0x7F);
            _buffer[_position++] = i == 0 ? b : (byte)(b | 0x80);
        }
    }

    // IBufferWriter<byte>, so callers can serialize nested content straight into the message.
    public void Advance(int count) => _position += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 16));
        return _buffer.AsMemory(_position);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 16));
        return _buffer.AsSpan(_position);
    }

    private void Ensure(int more)
    {
        if (_position + more <= _buffer.Length)
        {
            return;
        }

        int size = Math.Max(_buffer.Length * 2, _position + more);
        Array.Resize(ref _buffer, size);
    }
}
