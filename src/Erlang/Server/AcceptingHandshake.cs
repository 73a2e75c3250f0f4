using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Gateway.Erlang.Distribution;

namespace Gateway.Erlang.Server;

/// <summary>
/// Runs the accepting side of the distribution handshake over a freshly accepted stream: recv_name,
/// send_status ("ok"), send_challenge ('N'), (recv_complement), recv_challenge_reply, check the digest,
/// send_challenge_ack. Plain TCP only (2-byte length prefixes).
/// </summary>
public static class AcceptingHandshake
{
    // Capabilities without which we could not decode what the peer sends (pids, refs, atoms).
    private const DistributionFlags Required = DistributionFlags.ExtendedReferences | DistributionFlags.ExtendedPidsPorts;

    private const int MaxMessageBytes = 1100;

    /// <param name="stream">The accepted connection.</param>
    /// <param name="localNodeName">Our full node name, sent in the challenge.</param>
    /// <param name="cookie">The shared secret; never appears in messages.</param>
    /// <param name="flags">Our capability flags.</param>
    /// <param name="creation">Our creation (from the EPMD registration).</param>
    /// <param name="cancellationToken">Cancels (and so times out) the handshake.</param>
    /// <exception cref="ErlangAuthenticationException">The peer's digest shows a different cookie; the caller closes the stream without answering, as OTP does.</exception>
    /// <exception cref="ErlangHandshakeException">The peer broke the protocol or lacks required capabilities.</exception>
    public static async Task<HandshakeResult> PerformAsync(
        Stream stream,
        string localNodeName,
        string cookie,
        DistributionFlags flags,
        uint creation,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(cookie);
        var peer = AcceptorHandshakeCodec.ParseName(await ReceiveAsync(stream, "name", cancellationToken));
        var output = new ArrayBufferWriter<byte>(128);
        if ((peer.Flags & Required) != Required)
        {
            HandshakeCodec.WriteStatus(output, "not_allowed");
            await SendAsync(stream, output, cancellationToken);
            throw new ErlangHandshakeException(
                $"Node {peer.NodeName} lacks the capabilities EXTENDED_REFERENCES and EXTENDED_PIDS_PORTS (flags 0x{(ulong)peer.Flags:x}).");
        }

        // A second connection from the same name would deserve "alive" and a choice between the two;
        // every accepted connection here is independent, so plain "ok" is always right.
        HandshakeCodec.WriteStatus(output, "ok");
        var ourChallenge = BinaryPrimitives.ReadUInt32BigEndian(RandomNumberGenerator.GetBytes(4));
        AcceptorHandshakeCodec.WriteChallenge(output, localNodeName, flags, ourChallenge, creation);
        await SendAsync(stream, output, cancellationToken);

        var peerFlags = peer.Flags;
        var peerCreation = peer.Creation;
        var reply = await ReceiveAsync(stream, "challenge reply", cancellationToken);
        if (!peer.IsNewFormat && AcceptorHandshakeCodec.IsComplement(reply))
        {
            // An 'n'-named peer that understood our 'N' challenge owes its high flag bits and creation.
            var (high, complementCreation) = AcceptorHandshakeCodec.ParseComplement(reply);
            peerFlags = (DistributionFlags)(((ulong)high << 32) | ((ulong)peerFlags & 0xFFFF_FFFF));
            peerCreation = complementCreation;
            reply = await ReceiveAsync(stream, "challenge reply", cancellationToken);
        }

        var (peerChallenge, digest) = AcceptorHandshakeCodec.ParseChallengeReply(reply);
        if (!CryptographicOperations.FixedTimeEquals(digest, CookieDigest.Compute(cookie, ourChallenge)))
        {
            throw new ErlangAuthenticationException($"Node {peer.NodeName} answered our challenge with a wrong digest: its cookie differs from ours.");
        }

        AcceptorHandshakeCodec.WriteChallengeAck(output, CookieDigest.Compute(cookie, peerChallenge));
        await SendAsync(stream, output, cancellationToken);
        return new HandshakeResult(peer.NodeName, peerFlags, peerCreation, flags & peerFlags);
    }

    private static async Task SendAsync(Stream stream, ArrayBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(output.WrittenMemory, cancellationToken);
        output.ResetWrittenCount();
    }

    private static async Task<byte[]> ReceiveAsync(Stream stream, string what, CancellationToken cancellationToken)
    {
        try
        {
            var header = new byte[2];
            await stream.ReadExactlyAsync(header, cancellationToken);
            var length = BinaryPrimitives.ReadUInt16BigEndian(header);
            if (length == 0 || length > MaxMessageBytes)
            {
                throw new ErlangHandshakeException($"The peer sent a {length}-byte handshake message while we waited for its {what}.");
            }

            var body = new byte[length];
            await stream.ReadExactlyAsync(body, cancellationToken);
            return body;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            throw new ErlangHandshakeException($"The peer closed the connection while we waited for its {what}.", e);
        }
    }
}
