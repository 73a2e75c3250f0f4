using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Gateway.Erlang.Distribution;

/// <summary>
/// Runs the initiator side of the distribution handshake over a connected stream: send_name,
/// recv_status, recv_challenge, (send_complement), send_challenge_reply, recv_challenge_ack.
/// </summary>
public static class DistributionHandshake
{
    // Capabilities without which we could not decode what the peer sends (pids, refs, atoms).
    private const DistributionFlags Required = DistributionFlags.ExtendedReferences | DistributionFlags.ExtendedPidsPorts;

    private const int MaxMessageBytes = 1024;

    /// <param name="stream">A freshly connected stream (TCP or TLS) to the peer's distribution port.</param>
    /// <param name="localNodeName">Our full node name.</param>
    /// <param name="peerNodeName">The node we meant to reach (for error messages and the name check).</param>
    /// <param name="cookie">The shared secret; never appears in messages.</param>
    /// <param name="flags">Our capability flags.</param>
    /// <param name="creation">Our creation: the value our pids and refs carry.</param>
    /// <param name="peerHighestVersion">The peer's highest distribution version from EPMD: 6 gets the 'N' handshake, 5 the 'n' one.</param>
    /// <param name="cancellationToken">Cancels (and so times out) the handshake.</param>
    /// <param name="lengthPrefixBytes">
    /// Size of each handshake message's length prefix: 2 over TCP (the protocol's {packet, 2}); 4 over
    /// TLS, because OTP's inet_tls_dist runs the whole handshake with {packet, 4}.
    /// </param>
    /// <exception cref="ErlangAuthenticationException">The cookies differ.</exception>
    /// <exception cref="ErlangHandshakeException">The peer refused us for another reason or broke the protocol.</exception>
    public static async Task<HandshakeResult> PerformAsync(
        Stream stream,
        string localNodeName,
        string peerNodeName,
        string cookie,
        DistributionFlags flags,
        uint creation,
        int peerHighestVersion,
        CancellationToken cancellationToken,
        int lengthPrefixBytes = 2)
    {
        if (lengthPrefixBytes is not (2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(lengthPrefixBytes), "A handshake length prefix has 2 or 4 bytes.");
        }

        var version = peerHighestVersion >= HandshakeCodec.Version6 ? HandshakeCodec.Version6 : HandshakeCodec.Version5;
        if (peerHighestVersion < HandshakeCodec.Version5)
        {
            throw new ErlangHandshakeException($"Node {peerNodeName} speaks distribution version {peerHighestVersion}; we need 5 or 6.");
        }

        var output = new ArrayBufferWriter<byte>(256);
        HandshakeCodec.WriteSendName(output, localNodeName, flags, creation, version);
        await SendAsync(stream, output, lengthPrefixBytes, cancellationToken);

        var status = HandshakeCodec.ParseStatus(await ReceiveAsync(stream, peerNodeName, "status", lengthPrefixBytes, cancellationToken));
        switch (status)
        {
            case "ok":
            case "ok_simultaneous":
                break;
            case "alive":
                // The peer still holds a connection from a node with our name: an earlier run of us
                // that died. "true" tells it to drop that one and continue with this one.
                HandshakeCodec.WriteStatus(output, "true");
                await SendAsync(stream, output, lengthPrefixBytes, cancellationToken);
                break;
            case "not_allowed":
                throw new ErlangHandshakeException($"Node {peerNodeName} does not allow a connection from {localNodeName} (not_allowed).");
            case "nok":
                throw new ErlangHandshakeException($"Node {peerNodeName} refused the connection: it is connecting to {localNodeName} itself (nok).");
            default:
                throw new ErlangHandshakeException($"Node {peerNodeName} refused the connection with status '{Printable(status)}'.");
        }

        var challenge = HandshakeCodec.ParseChallenge(await ReceiveAsync(stream, peerNodeName, "challenge", lengthPrefixBytes, cancellationToken));
        if (!string.Equals(challenge.NodeName, peerNodeName, StringComparison.Ordinal))
        {
            // As dist_util does: the node behind that port is not the one we looked up.
            throw new ErlangHandshakeException($"Asked for {peerNodeName} but the node at that address is {challenge.NodeName}.");
        }

        if ((challenge.Flags & Required) != Required)
        {
            throw new ErlangHandshakeException(
                $"Node {peerNodeName} lacks the capabilities EXTENDED_REFERENCES and EXTENDED_PIDS_PORTS (flags 0x{(ulong)challenge.Flags:x}).");
        }

        if (challenge.IsNewFormat && version == HandshakeCodec.Version5)
        {
            // We introduced ourselves the old way but the peer knows the new one: it still needs the
            // high flag bits and our creation, which the 'n' name could not carry.
            HandshakeCodec.WriteComplement(output, flags, creation);
        }

        var ourChallenge = BinaryPrimitives.ReadUInt32BigEndian(RandomNumberGenerator.GetBytes(4));
        HandshakeCodec.WriteChallengeReply(output, ourChallenge, CookieDigest.Compute(cookie, challenge.Challenge));
        await SendAsync(stream, output, lengthPrefixBytes, cancellationToken);

        byte[] ack;
        try
        {
            ack = await ReceiveAsync(stream, peerNodeName, "challenge ack", lengthPrefixBytes, cancellationToken);
        }
        catch (ErlangHandshakeException e) when (e.InnerException is EndOfStreamException or IOException)
        {
            // A node that dislikes our digest logs "Invalid challenge reply" and closes the socket.
            throw new ErlangAuthenticationException($"Node {peerNodeName} rejected our cookie.", e);
        }

        var expected = CookieDigest.Compute(cookie, ourChallenge);
        if (!CryptographicOperations.FixedTimeEquals(HandshakeCodec.ParseChallengeAck(ack), expected))
        {
            throw new ErlangAuthenticationException($"Node {peerNodeName} answered our challenge with a wrong digest: its cookie differs from ours.");
        }

        return new HandshakeResult(challenge.NodeName, challenge.Flags, challenge.Creation, flags & challenge.Flags);
    }

    private static async Task SendAsync(Stream stream, ArrayBufferWriter<byte> output, int lengthPrefixBytes, CancellationToken cancellationToken)
    {
        // The codec writes one message with a 2-byte prefix; widen it when the transport wants 4.
        var message = output.WrittenMemory;
        if (lengthPrefixBytes == 4)
        {
            var widened = new byte[message.Length + 2];
            BinaryPrimitives.WriteUInt32BigEndian(widened, BinaryPrimitives.ReadUInt16BigEndian(message.Span));
            message.Span[2..].CopyTo(widened.AsSpan(4));
            message = widened;
        }

        await stream.WriteAsync(message, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        output.ResetWrittenCount();
    }

    private static async Task<byte[]> ReceiveAsync(
        Stream stream, string peerNodeName, string what, int lengthPrefixBytes, CancellationToken cancellationToken)
    {
        try
        {
            var header = new byte[lengthPrefixBytes];
            await stream.ReadExactlyAsync(header, cancellationToken);
            var length = lengthPrefixBytes == 2 ? BinaryPrimitives.ReadUInt16BigEndian(header) : BinaryPrimitives.ReadUInt32BigEndian(header);
            if (length == 0 || length > MaxMessageBytes)
            {
                throw new ErlangHandshakeException($"Node {peerNodeName} sent a {length}-byte handshake message while we waited for its {what}.");
            }

            var body = new byte[length];
            await stream.ReadExactlyAsync(body, cancellationToken);
            return body;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            throw new ErlangHandshakeException($"Node {peerNodeName} closed the connection while we waited for its {what}.", e);
        }
    }

    private static string Printable(string status) =>
        status.Length > 40 || status.Any(char.IsControl) ? "(unprintable)" : status;
}
