using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Gateway.Erlang.Epmd;

/// <summary>
/// The EPMD wire format (erl_dist_protocol, "EPMD Protocol"): requests are a 2-byte big-endian length
/// followed by the request; EPMD answers and closes the connection. Pure: bytes in, values out.
/// </summary>
public static class EpmdProtocol
{
    public const int DefaultPort = 4369;

    private const byte PortPlease2Req = 122;
    private const byte Port2Resp = 119;
    private const byte NamesReq = 110;

    // An alive name is at most 255 bytes in OTP; the node name field of PORT2_RESP is bounded by it.
    private const int MaxNameBytes = 255;

    /// <summary>Writes PORT_PLEASE2_REQ for the alive part of a node name (<c>n1</c> of <c>n1@host</c>).</summary>
    public static void WritePortPlease2Request(IBufferWriter<byte> writer, string aliveName)
    {
        ArgumentException.ThrowIfNullOrEmpty(aliveName);
        var nameLength = Encoding.UTF8.GetByteCount(aliveName);
        if (nameLength > MaxNameBytes)
        {
            throw new ArgumentException($"A node name has at most {MaxNameBytes} bytes before the '@'.", nameof(aliveName));
        }

        var span = writer.GetSpan(3 + nameLength);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)(1 + nameLength));
        span[2] = PortPlease2Req;
        Encoding.UTF8.GetBytes(aliveName, span[3..]);
        writer.Advance(3 + nameLength);
    }

    /// <summary>Writes NAMES_REQ.</summary>
    public static void WriteNamesRequest(IBufferWriter<byte> writer)
    {
        var span = writer.GetSpan(3);
        BinaryPrimitives.WriteUInt16BigEndian(span, 1);
        span[2] = NamesReq;
        writer.Advance(3);
    }

    /// <summary>
    /// Parses a complete PORT2_RESP (EPMD closes the socket after it, so the caller reads to the end).
    /// Returns null when EPMD reports the node as not registered (a non-zero result).
    /// </summary>
    /// <exception cref="EpmdException">The bytes are not a PORT2_RESP.</exception>
    public static EpmdNodeInfo? ParsePort2Response(ReadOnlySpan<byte> response)
    {
        if (response.Length < 2 || response[0] != Port2Resp)
        {
            throw new EpmdException(response.Length == 0
                ? "EPMD closed the connection without answering PORT_PLEASE2_REQ."
                : $"EPMD answered PORT_PLEASE2_REQ with an unexpected response (tag {response[0]}, {response.Length} bytes).");
        }

        if (response[1] != 0)
        {
            return null;
        }

        var r = response[2..];
        if (r.Length < 10)
        {
            throw Truncated();
        }

        var port = BinaryPrimitives.ReadUInt16BigEndian(r);
        var nodeType = (EpmdNodeType)r[2];
        var protocol = r[3];
        var highest = BinaryPrimitives.ReadUInt16BigEndian(r[4..]);
        var lowest = BinaryPrimitives.ReadUInt16BigEndian(r[6..]);
        var nameLength = BinaryPrimitives.ReadUInt16BigEndian(r[8..]);
        r = r[10..];
        if (r.Length < nameLength + 2)
        {
            throw Truncated();
        }

        var name = Encoding.UTF8.GetString(r[..nameLength]);
        r = r[nameLength..];
        var extraLength = BinaryPrimitives.ReadUInt16BigEndian(r);
        r = r[2..];
        if (r.Length < extraLength)
        {
            throw Truncated();
        }

        return new EpmdNodeInfo(name, port, nodeType, protocol, highest, lowest, r[..extraLength].ToArray());
    }

    /// <summary>
    /// Parses a complete NAMES_RESP: EPMD's own port (4 bytes) followed by one text line per node,
    /// <c>name n1 at port 41234</c>. Lines that do not have that shape are ignored.
    /// </summary>
    /// <exception cref="EpmdException">The response is shorter than the port field.</exception>
    public static IReadOnlyList<EpmdNameEntry> ParseNamesResponse(ReadOnlySpan<byte> response, out int epmdPort)
    {
        if (response.Length < 4)
        {
            throw new EpmdException($"EPMD answered NAMES_REQ with {response.Length} bytes; expected at least 4.");
        }

        epmdPort = (int)BinaryPrimitives.ReadUInt32BigEndian(response);
        var text = Encoding.UTF8.GetString(response[4..]);
        var entries = new List<EpmdNameEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "name <alive> at port <port>"; the alive name itself cannot contain spaces.
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 5 && parts[0] == "name" && parts[2] == "at" && parts[3] == "port"
                && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                && port is > 0 and <= 65535)
            {
                entries.Add(new EpmdNameEntry(parts[1], port));
            }
        }

        return entries;
    }

    private static EpmdException Truncated() => new("EPMD's PORT2_RESP is truncated.");
}
