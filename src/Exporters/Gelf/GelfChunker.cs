using System.Buffers.Binary;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// GELF over UDP: a payload that does not fit one datagram of <c>chunkSize</c> bytes is sent as chunks,
/// each with a 12-byte header — magic <c>1e 0f</c>, the 8-byte message id (the same in every chunk),
/// the sequence number (from 0) and the sequence count — followed by the next slice of the payload.
/// A message may have at most 128 chunks; a receiver drops incomplete sets.
/// </summary>
public static class GelfChunker
{
    public const int HeaderSize = 12;
    public const int MaxChunks = 128;
    public const byte Magic0 = 0x1e;
    public const byte Magic1 = 0x0f;

    /// <summary>How many datagrams <paramref name="length"/> bytes take: 1 (sent as is, no header) or the chunk count.</summary>
    public static int CountChunks(int length, int chunkSize)
    {
        if (length <= chunkSize)
        {
            return 1;
        }
        var data = chunkSize - HeaderSize;
        return (length + data - 1) / data;
    }

    /// <summary>
    /// Writes chunk <paramref name="sequence"/> of <paramref name="count"/> (header and data) into
    /// <paramref name="destination"/> (at least <paramref name="chunkSize"/> bytes); returns its length.
    /// </summary>
    public static int WriteChunk(ReadOnlySpan<byte> payload, int chunkSize, ulong messageId, int sequence, int count, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxChunks);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sequence, count);
        var data = chunkSize - HeaderSize;
        var offset = sequence * data;
        var slice = payload.Slice(offset, Math.Min(data, payload.Length - offset));
        destination[0] = Magic0;
        destination[1] = Magic1;
        BinaryPrimitives.WriteUInt64BigEndian(destination[2..], messageId);
        destination[10] = (byte)sequence;
        destination[11] = (byte)count;
        slice.CopyTo(destination[HeaderSize..]);
        return HeaderSize + slice.Length;
    }
}
