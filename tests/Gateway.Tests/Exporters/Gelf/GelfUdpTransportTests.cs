using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gateway.Core.Export;
using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfUdpTransportTests : IDisposable
{
    private readonly UdpClient _receiver = new(new IPEndPoint(IPAddress.Loopback, 0));

    private GelfEndpoint Endpoint => GelfEndpoint.Parse($"udp://127.0.0.1:{((IPEndPoint)_receiver.Client.LocalEndPoint!).Port}");

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task A_small_message_is_one_plain_datagram()
    {
        await using var transport = new GelfUdpTransport(Endpoint, GelfCompression.None, 1420);
        var json = Message("hello");

        var result = await transport.SendAsync([json], CancellationToken.None);

        Assert.Same(DeliveryResult.Delivered, result);
        Assert.Equal(json, await ReceiveAsync());
    }

    [Fact]
    public async Task A_large_message_is_chunked_with_one_id_and_reassembles_to_the_gzip_payload()
    {
        await using var transport = new GelfUdpTransport(Endpoint, GelfCompression.Gzip, 100);
        var json = Message(RandomText(2000));

        Assert.Same(DeliveryResult.Delivered, await transport.SendAsync([json], CancellationToken.None));

        var first = await ReceiveAsync();
        Assert.Equal(new byte[] { 0x1e, 0x0f }, first[..2]);
        var count = first[11];
        var chunks = new byte[count][];
        chunks[first[10]] = first;
        for (var i = 1; i < count; i++)
        {
            var chunk = await ReceiveAsync();
            Assert.True(chunk.Length <= 100);
            Assert.Equal(BinaryPrimitives.ReadUInt64BigEndian(first.AsSpan(2)), BinaryPrimitives.ReadUInt64BigEndian(chunk.AsSpan(2)));
            Assert.Equal(count, chunk[11]);
            chunks[chunk[10]] = chunk;
        }
        var payload = chunks.SelectMany(c => c[12..]).ToArray();
        using var gunzip = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        await gunzip.CopyToAsync(inflated);
        Assert.Equal(json, inflated.ToArray());
    }

    [Fact]
    public async Task A_message_needing_more_than_128_chunks_is_rejected_after_the_ones_before_it()
    {
        await using var transport = new GelfUdpTransport(Endpoint, GelfCompression.None, 64);
        var small = Message("first");
        var huge = Message(RandomText(64 * 130));

        var result = await transport.SendAsync([small, huge, small], CancellationToken.None);

        var rejected = Assert.IsType<DeliveryResult.RejectedResult>(result);
        Assert.Equal(1, rejected.DeliveredCount);
        Assert.Contains("GELF allows 128", rejected.Reason, StringComparison.Ordinal);
    }

    private static byte[] Message(string text) =>
        GelfJsonEncoder.Encode(new GelfMessage("h", text, DateTimeOffset.UnixEpoch, 6));

    internal static string RandomText(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var random = new Random(42);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }

    private async Task<byte[]> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return (await _receiver.ReceiveAsync(timeout.Token)).Buffer;
    }
}
