using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Erlang.Tests.Distribution;

/// <summary>
/// The connection against a scripted peer on a loopback socket, with fake time: ticks, silence
/// detection, framing and protocol errors, without waiting for real seconds.
/// </summary>
public sealed class DistributionConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan TickTime = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly ErlangPid Target = new(ErlangAtom.Of("gw@localhost"), 1, 0, 1);

    private readonly FakeTimeProvider time = new();
    private readonly TaskCompletionSource<ControlMessage> received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket peer = null!;
    private NetworkStream peerStream = null!;
    private DistributionConnection connection = null!;

    public async Task InitializeAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        peer = await listener.AcceptSocketAsync();
        peerStream = new NetworkStream(peer, ownsSocket: true);
        var handshake = new HandshakeResult("peer@localhost", DistributionFlags.Default, 1, DistributionFlags.Default);
        connection = new DistributionConnection(
            new NetworkStream(client, ownsSocket: true), handshake, TickTime, 1 << 20, (_, m) => received.TrySetResult(m), time);
        connection.Start();
    }

    public async Task DisposeAsync()
    {
        await connection.DisposeAsync();
        await peerStream.DisposeAsync();
    }

    [Fact]
    public async Task Idle_connection_ticks_every_quarter_of_net_ticktime()
    {
        time.Advance(TickTime / 4);

        Assert.Empty(await ReadFrameAsync());
    }

    [Fact]
    public async Task Silent_peer_is_declared_down_after_net_ticktime()
    {
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TickTime / 4);
            Assert.Empty(await ReadFrameAsync());
        }

        time.Advance(TickTime / 4);

        var info = await connection.Closed.WaitAsync(Guard);
        Assert.Equal(ConnectionCloseReason.TickTimeout, info.Reason);
        Assert.False(connection.IsOpen);
    }

    [Fact]
    public async Task Anything_from_the_peer_restarts_the_silence_clock()
    {
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TickTime / 4);
            Assert.Empty(await ReadFrameAsync());
        }

        await WriteFrameAsync(Pass(ErlangTerm.Tuple(ErlangInteger.Of(2), ErlangAtom.Of(string.Empty), Target), ErlangAtom.Ok));
        await received.Task.WaitAsync(Guard);
        time.Advance(TickTime / 4);

        // Four quarters since the start, one since the message: a tick, not a timeout.
        Assert.Empty(await ReadFrameAsync());
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task Received_send_is_decoded_and_handed_over()
    {
        await WriteFrameAsync([]);
        await WriteFrameAsync(Pass(ErlangTerm.Tuple(ErlangInteger.Of(2), ErlangAtom.Of(string.Empty), Target), ErlangBinary.FromString("x")));

        var message = await received.Task.WaitAsync(Guard);

        Assert.Equal(ControlOperation.Send, message.Operation);
        Assert.Equal(Target, message.To);
        Assert.Equal(ErlangBinary.FromString("x"), message.Message);
    }

    [Fact]
    public async Task Sent_message_is_one_length_prefixed_pass_through_frame()
    {
        connection.Send(ControlMessage.Send(null, Target, ErlangAtom.Ok));

        var frame = await ReadFrameAsync();

        Assert.Equal((byte)'p', frame[0]);
        var decoded = ControlMessageCodec.Decode(frame.AsSpan(1));
        Assert.Equal(ErlangAtom.Ok, decoded.Message);
    }

    [Fact]
    public async Task Undecodable_message_is_dropped_and_the_connection_stays_up()
    {
        await WriteFrameAsync([(byte)'p', 131, 255, 1, 2]);
        await WriteFrameAsync(Pass(ErlangTerm.Tuple(ErlangInteger.Of(2), ErlangAtom.Of(string.Empty), Target), ErlangAtom.Ok));

        var message = await received.Task.WaitAsync(Guard);

        Assert.Equal(ErlangAtom.Ok, message.Message);
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task Frame_that_is_not_pass_through_is_a_protocol_error()
    {
        await WriteFrameAsync([68, 0]);

        var info = await connection.Closed.WaitAsync(Guard);

        Assert.Equal(ConnectionCloseReason.ProtocolError, info.Reason);
    }

    [Fact]
    public async Task Frame_over_the_size_limit_is_a_protocol_error()
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, (1 << 20) + 1);
        await peerStream.WriteAsync(header);

        var info = await connection.Closed.WaitAsync(Guard);

        Assert.Equal(ConnectionCloseReason.ProtocolError, info.Reason);
    }

    [Fact]
    public async Task Peer_hanging_up_closes_the_connection_and_later_sends_fail()
    {
        peer.Shutdown(SocketShutdown.Both);

        var info = await connection.Closed.WaitAsync(Guard);

        Assert.Equal(ConnectionCloseReason.ConnectionClosed, info.Reason);
        var error = Assert.Throws<ErlangConnectionException>(() => connection.Send(ControlMessage.Send(null, Target, ErlangAtom.Ok)));
        Assert.Equal("peer@localhost", error.Node);
    }

    private static byte[] Pass(ErlangTerm control, ErlangTerm message) =>
        [(byte)'p', .. TermEncoder.ToBytes(control), .. TermEncoder.ToBytes(message)];

    private async Task WriteFrameAsync(byte[] body)
    {
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)body.Length);
        body.CopyTo(frame, 4);
        await peerStream.WriteAsync(frame);
    }

    private async Task<byte[]> ReadFrameAsync()
    {
        using var cts = new CancellationTokenSource(Guard);
        var header = new byte[4];
        await peerStream.ReadExactlyAsync(header, cts.Token);
        var body = new byte[BinaryPrimitives.ReadUInt32BigEndian(header)];
        await peerStream.ReadExactlyAsync(body, cts.Token);
        return body;
    }
}
