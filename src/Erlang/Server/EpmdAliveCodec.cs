using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Gateway.Erlang.Epmd;

namespace Gateway.Erlang.Server;

/// <summary>
/// ALIVE2_REQ and its answers (erl_dist_protocol, "Register a Node in EPMD"). Unlike the other EPMD
/// requests, the connection stays open: the node is registered for exactly as long as it lasts.
/// Pure: bytes in, values out.
/// </summary>
public static class EpmdAliveCodec
{
    public const byte Alive2Request = 120;
    public const byte Alive2Response = 121;
    public const byte Alive2ExtendedResponse = 118;

    /// <summary>Bytes of the longest answer: tag, result and a 4-byte creation.</summary>
    public const int MaxResponseBytes = 6;

    private const int MaxNameBytes = 255;

    /// <summary>
    /// Writes ALIVE2_REQ (length prefix included) for a node listening on <paramref name="port"/>:
    /// TCP/IPv4 (protocol 0), distribution versions 5 to 6, no extra data.
    /// </summary>
    public static void WriteAlive2Request(IBufferWriter<byte> writer, string aliveName, int port, EpmdNodeType nodeType)
    {
        ArgumentException.ThrowIfNullOrEmpty(aliveName);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var nameLength = Encoding.UTF8.GetByteCount(aliveName);
        if (nameLength > MaxNameBytes)
        {
            throw new ArgumentException($"A node name has at most {MaxNameBytes} bytes before the '@'.", nameof(aliveName));
        }

        var length = 1 + 2 + 1 + 1 + 2 + 2 + 2 + nameLength + 2;
        var span = writer.GetSpan(2 + length);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)length);
        span[2] = Alive2Request;
        BinaryPrimitives.WriteUInt16BigEndian(span[3..], (ushort)port);
        span[5] = (byte)nodeType;
        span[6] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(span[7..], 6);
        BinaryPrimitives.WriteUInt16BigEndian(span[9..], 5);
        BinaryPrimitives.WriteUInt16BigEndian(span[11..], (ushort)nameLength);
        Encoding.UTF8.GetBytes(aliveName, span[13..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[(13 + nameLength)..], 0);
        writer.Advance(2 + length);
    }

    /// <summary>
    /// Parses ALIVE2_X_RESP (4-byte creation, what EPMD sends to version 6 nodes) or the older
    /// ALIVE2_RESP (2-byte creation). Returns false while <paramref name="response"/> is incomplete.
    /// </summary>
    /// <exception cref="EpmdException">EPMD refused the registration (name taken) or answered garbage.</exception>
    public static bool TryParseAlive2Response(ReadOnlySpan<byte> response, out uint creation)
    {
        creation = 0;
        if (response.Length == 0)
        {
            return false;
        }

        var creationBytes = response[0] switch
        {
            Alive2ExtendedResponse => 4,
            Alive2Response => 2,
            _ => throw new EpmdException($"EPMD answered ALIVE2_REQ with an unexpected response (tag {response[0]})."),
        };
        if (response.Length >= 2 && response[1] != 0)
        {
            throw new EpmdException($"EPMD refused the registration (result {response[1]}): the name is probably taken.");
        }

        if (response.Length < 2 + creationBytes)
        {
            return false;
        }

        creation = creationBytes == 4 ? BinaryPrimitives.ReadUInt32BigEndian(response[2..]) : BinaryPrimitives.ReadUInt16BigEndian(response[2..]);
        return true;
    }
}
