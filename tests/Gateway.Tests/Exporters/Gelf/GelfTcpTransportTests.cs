using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Core.Export;
using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfTcpTransportTests
{
    [Fact]
    public async Task Messages_are_uncompressed_json_each_followed_by_a_zero_byte()
    {
        using var listener = Listen(0);
        await using var transport = Transport(listener);

        var result = await transport.SendAsync([Message("one"), Message("two")], CancellationToken.None);

        Assert.Same(DeliveryResult.Delivered, result);
        using var server = await listener.AcceptTcpClientAsync();
        var frames = await ReadFramesAsync(server, 2);
        Assert.Equal([Encoding.UTF8.GetString(Message("one")), Encoding.UTF8.GetString(Message("two"))], frames);
    }

    [Fact]
    public async Task A_receiver_that_closed_and_came_back_gets_every_later_message_on_a_new_connection()
    {
        var listener = Listen(0);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var transport = Transport(listener);
        Assert.Same(DeliveryResult.Delivered, await transport.SendAsync([Message("before")], CancellationToken.None));
        using (var first = await listener.AcceptTcpClientAsync())
        {
            Assert.Equal(["{\"version\":\"1.1\",\"host\":\"h\",\"short_message\":\"before\",\"timestamp\":0,\"level\":6}"], await ReadFramesAsync(first, 1));
        }
        listener.Stop();

        // Down: nothing is accepted, and nothing counts as delivered.
        var down = await transport.SendAsync([Message("during")], CancellationToken.None);
        Assert.Equal(0, Assert.IsType<DeliveryResult.RetryResult>(down).DeliveredCount);

        using var again = Listen(port);
        Assert.Same(DeliveryResult.Delivered, await transport.SendAsync([Message("during"), Message("after")], CancellationToken.None));
        using var second = await again.AcceptTcpClientAsync();
        var frames = await ReadFramesAsync(second, 2);
        Assert.Contains("\"during\"", frames[0], StringComparison.Ordinal);
        Assert.Contains("\"after\"", frames[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_max_message_bytes_is_rejected_after_the_ones_before_it_are_written()
    {
        using var listener = Listen(0);
        await using var transport = new GelfTcpTransport(GelfEndpoint.Parse($"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"), TimeSpan.FromSeconds(30), 1024, null);

        var result = await transport.SendAsync([Message("ok"), Message(new string('x', 2000))], CancellationToken.None);

        Assert.Equal(1, Assert.IsType<DeliveryResult.RejectedResult>(result).DeliveredCount);
        using var server = await listener.AcceptTcpClientAsync();
        Assert.Contains("\"ok\"", (await ReadFramesAsync(server, 1))[0], StringComparison.Ordinal);
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private static GelfTcpTransport Transport(TcpListener listener) =>
        new(GelfEndpoint.Parse($"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"), TimeSpan.FromSeconds(30), 1024 * 1024, null);

    private static byte[] Message(string text) =>
        GelfJsonEncoder.Encode(new GelfMessage("h", text, DateTimeOffset.UnixEpoch, 6));

    private static async Task<string[]> ReadFramesAsync(TcpClient client, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = client.GetStream();
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (received.Count(b => b == 0) < count)
        {
            var n = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(n > 0, "connection closed early");
            received.AddRange(buffer[..n]);
        }
        return Encoding.UTF8.GetString(received.ToArray()).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
