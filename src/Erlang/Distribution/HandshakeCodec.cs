using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Gateway.Erlang.Distribution;

/// <summary>
/// The handshake messages of erl_dist_protocol ("Distribution Handshake"), seen from the initiator.
/// Each message travels as a 2-byte big-endian length and a body whose first byte is its tag; the
/// write methods emit the length too, the parse methods take the body. Pure: no I/O.
/// </summary>
public static class HandshakeCodec
{
    public const byte TagOldName = (byte)'n';
    public const byte TagNewName = (byte)'N';
    public const byte TagStatus = (byte)'s';
    public const byte TagComplement = (byte)'c';
    public const byte TagChallengeReply = (byte)'r';
    public const byte TagChallengeAck = (byte)'a';

    /// <summary>The distribution version of the 'n' handshake (before OTP 23).</summary>
    public const int Version5 = 5;

    /// <summary>The distribution version of the 'N' handshake (OTP 23+).</summary>
    public const int Version6 = 6;

    /// <summary>Writes send_name: 'N' (64-bit flags, creation) for version 6, 'n' (32-bit flags) for version 5.</summary>
    public static void WriteSendName(IBufferWriter<byte> writer, string nodeName, DistributionFlags flags, uint creation, int version)
    {
        var name = Encoding.UTF8.GetBytes(nodeName);
        if (version >= Version6)
        {
            var length = 1 + 8 + 4 + 2 + name.Length;
            var span = writer.GetSpan(2 + length);
            BinaryPrimitives.WriteUInt16BigEndian(span, checked((ushort)length));
            span[2] = TagNewName;
            BinaryPrimitives.WriteUInt64BigEndian(span[3..], (ulong)flags);
            BinaryPrimitives.WriteUInt32BigEndian(span[11..], creation);
            BinaryPrimitives.WriteUInt16BigEndian(span[15..], (ushort)name.Length);
            name.CopyTo(span[17..]);
            writer.Advance(2 + length);
        }
        else
        {
            var length = 1 + 2 + 4 + name.Length;
            var span = writer.GetSpan(2 + length);
            BinaryPrimitives.WriteUInt16BigEndian(span, checked((ushort)length));
            span[2] = TagOldName;
            BinaryPrimitives.WriteUInt16BigEndian(span[3..], Version5);
            BinaryPrimitives.WriteUInt32BigEndian(span[5..], (uint)((ulong)flags & 0xFFFF_FFFF));
            name.CopyTo(span[9..]);
            writer.Advance(2 + length);
        }
    }

    /// <summary>Parses recv_status ('s' + text such as <c>ok</c>, <c>nok</c>, <c>not_allowed</c>, <c>alive</c>).</summary>
    public static string ParseStatus(ReadOnlySpan<byte> body)
    {
        if (body.Length < 1 || body[0] != TagStatus)
        {
            throw Unexpected("status ('s')", body);
        }

        return Encoding.ASCII.GetString(body[1..]);
    }

    /// <summary>Writes the initiator's answer to an <c>alive</c> status: <c>true</c> replaces the peer's old connection.</summary>
    public static void WriteStatus(IBufferWriter<byte> writer, string status)
    {
        var length = 1 + status.Length;
        var span = writer.GetSpan(2 + length);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)length);
        span[2] = TagStatus;
        Encoding.ASCII.GetBytes(status, span[3..]);
        writer.Advance(2 + length);
    }

    /// <summary>Parses recv_challenge, either the version 5 'n' form or the OTP 23+ 'N' form.</summary>
    public static HandshakeChallenge ParseChallenge(ReadOnlySpan<byte> body)
    {
        if (body.Length >= 1 + 8 + 4 + 4 + 2 && body[0] == TagNewName)
        {
            var flags = (DistributionFlags)BinaryPrimitives.ReadUInt64BigEndian(body[1..]);
            var challenge = BinaryPrimitives.ReadUInt32BigEndian(body[9..]);
            var creation = BinaryPrimitives.ReadUInt32BigEndian(body[13..]);
            var nameLength = BinaryPrimitives.ReadUInt16BigEndian(body[17..]);
            if (body.Length < 19 + nameLength)
            {
                throw new ErlangHandshakeException("The peer's challenge ('N') is truncated.");
            }

            return new HandshakeChallenge(Encoding.UTF8.GetString(body.Slice(19, nameLength)), flags, challenge, creation, IsNewFormat: true);
        }

        if (body.Length >= 1 + 2 + 4 + 4 && body[0] == TagOldName)
        {
            var flags = (DistributionFlags)BinaryPrimitives.ReadUInt32BigEndian(body[3..]);
            var challenge = BinaryPrimitives.ReadUInt32BigEndian(body[7..]);
            return new HandshakeChallenge(Encoding.UTF8.GetString(body[11..]), flags, challenge, 0, IsNewFormat: false);
        }

        throw Unexpected("challenge ('n' or 'N')", body);
    }

    /// <summary>
    /// Writes send_complement: the high 32 flag bits and our creation, owed when we sent an old 'n'
    /// name but the peer answered with a new 'N' challenge.
    /// </summary>
    public static void WriteComplement(IBufferWriter<byte> writer, DistributionFlags flags, uint creation)
    {
        var span = writer.GetSpan(2 + 9);
        BinaryPrimitives.WriteUInt16BigEndian(span, 9);
        span[2] = TagComplement;
        BinaryPrimitives.WriteUInt32BigEndian(span[3..], (uint)((ulong)flags >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(span[7..], creation);
        writer.Advance(2 + 9);
    }

    /// <summary>Writes send_challenge_reply: our own challenge and the digest answering the peer's.</summary>
    public static void WriteChallengeReply(IBufferWriter<byte> writer, uint ourChallenge, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != CookieDigest.Length)
        {
            throw new ArgumentException("A digest has 16 bytes.", nameof(digest));
        }

        var span = writer.GetSpan(2 + 21);
        BinaryPrimitives.WriteUInt16BigEndian(span, 21);
        span[2] = TagChallengeReply;
        BinaryPrimitives.WriteUInt32BigEndian(span[3..], ourChallenge);
        digest.CopyTo(span[7..]);
        writer.Advance(2 + 21);
    }

    /// <summary>Parses recv_challenge_ack: the peer's digest answering our challenge.</summary>
    public static ReadOnlySpan<byte> ParseChallengeAck(ReadOnlySpan<byte> body)
    {
        if (body.Length != 1 + CookieDigest.Length || body[0] != TagChallengeAck)
        {
            throw Unexpected("challenge ack ('a')", body);
        }

        return body[1..];
    }

    private static ErlangHandshakeException Unexpected(string expected, ReadOnlySpan<byte> body) =>
        new(body.Length == 0
            ? $"Expected a {expected} from the peer, got an empty message."
            : $"Expected a {expected} from the peer, got tag {body[0]} with {body.Length} bytes.");
}
