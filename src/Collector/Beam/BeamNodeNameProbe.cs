using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using Gateway.Erlang.Distribution;

namespace Gateway.Collector.Beam;

/// <summary>
/// Learns the full name of a node that EPMD lists only by its alive part: opens the node's distribution
/// port, sends our name and reads the peer's status and challenge, which carries the peer's full name,
/// then closes. No cookie is involved (the challenge comes before any digest). The first step of a
/// handshake is what a mistyped <c>net_adm:ping</c> does; the node logs nothing for it.
/// </summary>
internal static class BeamNodeNameProbe
{
    private const int MaxMessageBytes = 1024;

    /// <summary>The peer's full name, or null when it did not tell (refused our naming mode, closed, timed out).</summary>
    public static async Task<string?> ProbeAsync(string host, int port, string ourName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(host, port, timer.Token);
            var stream = client.GetStream();
            var output = new ArrayBufferWriter<byte>(128);
            HandshakeCodec.WriteSendName(output, ourName, DistributionFlags.Default, 1, HandshakeCodec.Version6);
            await stream.WriteAsync(output.WrittenMemory, timer.Token);
            var status = HandshakeCodec.ParseStatus(await ReceiveAsync(stream, timer.Token));
            if (status is not ("ok" or "ok_simultaneous"))
            {
                return null; // not_allowed (wrong naming mode, net_kernel allow list), nok, alive
            }
            return HandshakeCodec.ParseChallenge(await ReceiveAsync(stream, timer.Token)).NodeName;
        }
        catch (Exception e) when (e is SocketException or IOException or EndOfStreamException or OperationCanceledException or ErlangDistributionException or FormatException
            && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReceiveAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[2];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var length = BinaryPrimitives.ReadUInt16BigEndian(header);
        if (length is 0 or > MaxMessageBytes)
        {
            throw new EndOfStreamException("bad handshake message length");
        }
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return body;
    }
}
