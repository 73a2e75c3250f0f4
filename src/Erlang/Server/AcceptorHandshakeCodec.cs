using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Gateway.Erlang.Distribution;

namespace Gateway.Erlang.Server;

/// <summary>
/// The handshake messages of erl_dist_protocol ("Distribution Handshake") seen from the accepting
/// side: recv_name, send_challenge, recv_complement, recv_challenge_reply, send_challenge_ack. Write
/// methods emit the 2-byte length prefix too; parse methods take the body (tag first). Pure: no I/O.
/// The status message is <see cref="HandshakeCodec.WriteStatus"/>.
/// </summary>
public static class AcceptorHandshakeCodec
{
    private const int MaxNameBytes = 1023;

    /// <summary>Parses recv_name: the OTP 23+ 'N' form (64-bit flags, creation) or the version 5 'n' form.</summary>
    /// <exception cref="ErlangHandshakeException">The body is not a well-formed name message.</exception>
    public static PeerName ParseName(ReadOnlySpan<byte> body)
    {
        if (body.Length >= 1 + 8 + 4 + 2 && body[0] == HandshakeCodec.TagNewName)
        {
            var flags = (DistributionFlags)BinaryPrimitives.ReadUInt64BigEndian(body[1..]);
            var creation = BinaryPrimitives.ReadUInt32BigEndian(body[9..]);
            var nameLength = BinaryPrimitives.ReadUInt16BigEndian(body[13..]);
            if (nameLength == 0 || nameLength > MaxNameBytes || body.Length != 15 + nameLength)
            {
                throw new ErlangHandshakeException($"The peer's name ('N') has a bad length ({nameLength} of {body.Length - 15} bytes).");
            }

            return new PeerName(DecodeName(body.Slice(15, nameLength)), flags, creation, IsNewFormat: true);
        }

        if (body.Length >= 1 + 2 + 4 + 1 && body[0] == HandshakeCodec.TagOldName)
        {
            var flags = (DistributionFlags)BinaryPrimitives.ReadUInt32BigEndian(body[3..]);
            var name = body[7..];
            if (name.Length > MaxNameBytes)
            {
                throw new ErlangHandshakeException($"The peer's name ('n') is {name.Length} bytes long.");
            }

            return new PeerName(DecodeName(name), flags, 0, IsNewFormat: false);
        }

        throw Unexpected("name ('N' or 'n')", body);
    }

    /// <summary>Writes send_challenge in the OTP 23+ 'N' form: our flags, the challenge, our creation and name.</summary>
    public static void WriteChallenge(IBufferWriter<byte> writer, string nodeName, DistributionFlags flags, uint challenge, uint creation)
    {
        var name = Encoding.UTF8.GetBytes(nodeName);
        var length = 1 + 8 + 4 + 4 + 2 + name.Length;
        var span = writer.GetSpan(2 + length);
        BinaryPrimitives.WriteUInt16BigEndian(span, checked((ushort)length));
        span[2] = HandshakeCodec.TagNewName;
        BinaryPrimitives.WriteUInt64BigEndian(span[3..], (ulong)flags);
        BinaryPrimitives.WriteUInt32BigEndian(span[11..], challenge);
        BinaryPrimitives.WriteUInt32BigEndian(span[15..], creation);
        BinaryPrimitives.WriteUInt16BigEndian(span[19..], (ushort)name.Length);
        name.CopyTo(span[21..]);
        writer.Advance(2 + length);
    }

    /// <summary>Whether a body is send_complement ('c'), which an 'n'-named peer sends after our 'N' challenge.</summary>
    public static bool IsComplement(ReadOnlySpan<byte> body) => body.Length >= 1 && body[0] == HandshakeCodec.TagComplement;

    /// <summary>Parses send_complement: the peer's high 32 flag bits and its creation.</summary>
    public static (uint FlagsHigh, uint Creation) ParseComplement(ReadOnlySpan<byte> body)
    {
        if (body.Length != 9 || body[0] != HandshakeCodec.TagComplement)
        {
            throw Unexpected("complement ('c')", body);
        }

        return (BinaryPrimitives.ReadUInt32BigEndian(body[1..]), BinaryPrimitives.ReadUInt32BigEndian(body[5..]));
    }

    /// <summary>Parses recv_challenge_reply: the peer's own challenge and its digest of ours.</summary>
    public static (uint Challenge, byte[] Digest) ParseChallengeReply(ReadOnlySpan<byte> body)
    {
        if (body.Length != 1 + 4 + CookieDigest.Length || body[0] != HandshakeCodec.TagChallengeReply)
        {
            throw Unexpected("challenge reply ('r')", body);
        }

        return (BinaryPrimitives.ReadUInt32BigEndian(body[1..]), body[5..].ToArray());
    }

    /// <summary>Writes send_challenge_ack: our digest of the peer's challenge.</summary>
    public static void WriteChallengeAck(IBufferWriter<byte> writer, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != CookieDigest.Length)
        {
            throw new ArgumentException("A digest has 16 bytes.", nameof(digest));
        }

        var span = writer.GetSpan(2 + 17);
        BinaryPrimitives.WriteUInt16BigEndian(span, 17);
        span[2] = HandshakeCodec.TagChallengeAck;
        digest.CopyTo(span[3..]);
        writer.Advance(2 + 17);
    }

    private static string DecodeName(ReadOnlySpan<byte> name)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(name);
        }
        catch (DecoderFallbackException e)
        {
            throw new ErlangHandshakeException("The peer's node name is not valid UTF-8.", e);
        }
    }

    private static ErlangHandshakeException Unexpected(string expected, ReadOnlySpan<byte> body) =>
        new(body.Length == 0
            ? $"Expected a {expected} from the peer, got an empty message."
            : $"Expected a {expected} from the peer, got tag {body[0]} with {body.Length} bytes.");
}
