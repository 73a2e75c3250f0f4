using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Erlang.Distribution;

namespace Gateway.Erlang.Tests.Distribution;

/// <summary>
/// The accepting side of the handshake, written from the protocol description, for paths a real
/// OTP 25.2 node cannot show: the version 5 'n' name with its complement, 'alive', refusals and a
/// peer whose cookie differs in the ack only.
/// </summary>
internal sealed class FakeAcceptor : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public FakeAcceptor()
    {
        listener.Start();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string Status { get; init; } = "ok";

    public bool NewChallenge { get; init; } = true;

    public string Cookie { get; init; } = "testcookie";

    /// <summary>Answer with a digest made from this cookie instead (a peer that lies in its ack).</summary>
    public string? AckCookie { get; init; }

    public uint Challenge { get; init; } = 12345;

    public uint Creation { get; init; } = 0x01020304;

    public DistributionFlags Flags { get; init; } = DistributionFlags.Default;

    // What the initiator sent.
    public byte NameTag { get; private set; }

    public ulong ReceivedFlags { get; private set; }

    public uint ReceivedCreation { get; private set; }

    public string ReceivedName { get; private set; } = string.Empty;

    public string? StatusReply { get; private set; }

    public bool GotComplement { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var socket = await listener.AcceptSocketAsync(cancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var name = await ReadAsync(stream, cancellationToken);
        NameTag = name[0];
        if (NameTag == 'N')
        {
            ReceivedFlags = BinaryPrimitives.ReadUInt64BigEndian(name.AsSpan(1));
            ReceivedCreation = BinaryPrimitives.ReadUInt32BigEndian(name.AsSpan(9));
            ReceivedName = Encoding.UTF8.GetString(name, 15, BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(13)));
        }
        else
        {
            ReceivedFlags = BinaryPrimitives.ReadUInt32BigEndian(name.AsSpan(3));
            ReceivedName = Encoding.UTF8.GetString(name, 7, name.Length - 7);
        }

        await WriteAsync(stream, [(byte)'s', .. Encoding.ASCII.GetBytes(Status)], cancellationToken);
        if (Status == "alive")
        {
            StatusReply = Encoding.ASCII.GetString(await ReadAsync(stream, cancellationToken), 1, 4);
        }
        else if (Status is not ("ok" or "ok_simultaneous"))
        {
            return;
        }

        var me = Encoding.UTF8.GetBytes("fake@localhost");
        var challenge = new byte[NewChallenge ? 19 + me.Length : 11 + me.Length];
        if (NewChallenge)
        {
            challenge[0] = (byte)'N';
            BinaryPrimitives.WriteUInt64BigEndian(challenge.AsSpan(1), (ulong)Flags);
            BinaryPrimitives.WriteUInt32BigEndian(challenge.AsSpan(9), Challenge);
            BinaryPrimitives.WriteUInt32BigEndian(challenge.AsSpan(13), Creation);
            BinaryPrimitives.WriteUInt16BigEndian(challenge.AsSpan(17), (ushort)me.Length);
            me.CopyTo(challenge, 19);
        }
        else
        {
            challenge[0] = (byte)'n';
            BinaryPrimitives.WriteUInt16BigEndian(challenge.AsSpan(1), 5);
            BinaryPrimitives.WriteUInt32BigEndian(challenge.AsSpan(3), (uint)Flags);
            BinaryPrimitives.WriteUInt32BigEndian(challenge.AsSpan(7), Challenge);
            me.CopyTo(challenge, 11);
        }

        await WriteAsync(stream, challenge, cancellationToken);
        var reply = await ReadAsync(stream, cancellationToken);
        if (reply[0] == 'c')
        {
            GotComplement = true;
            ReceivedFlags |= (ulong)BinaryPrimitives.ReadUInt32BigEndian(reply.AsSpan(1)) << 32;
            ReceivedCreation = BinaryPrimitives.ReadUInt32BigEndian(reply.AsSpan(5));
            reply = await ReadAsync(stream, cancellationToken);
        }

        if (reply[0] != 'r' || !reply.AsSpan(5).SequenceEqual(CookieDigest.Compute(Cookie, Challenge)))
        {
            return; // As OTP does: a wrong digest closes the connection.
        }

        var theirs = BinaryPrimitives.ReadUInt32BigEndian(reply.AsSpan(1));
        await WriteAsync(stream, [(byte)'a', .. CookieDigest.Compute(AckCookie ?? Cookie, theirs)], cancellationToken);

        // Keep the socket open until the initiator is done with it.
        _ = await stream.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false, cancellationToken);
    }

    public void Dispose() => listener.Dispose();

    private static async Task<byte[]> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[2];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var body = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return body;
    }

    private static async Task WriteAsync(Stream stream, byte[] body, CancellationToken cancellationToken)
    {
        var frame = new byte[2 + body.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)body.Length);
        body.CopyTo(frame, 2);
        await stream.WriteAsync(frame, cancellationToken);
    }
}
