using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gateway.Core.Export;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// GELF over UDP: each message compressed as configured and sent in one datagram, or in chunks of at
/// most <c>chunkSize</c> bytes with a random 8-byte message id. "Delivered" means handed to the network:
/// UDP has no acknowledgement. A message needing more than 128 chunks is rejected (dead-lettered).
/// </summary>
public sealed class GelfUdpTransport : IGelfTransport
{
    private readonly GelfEndpoint _endpoint;
    private readonly GelfCompression _compression;
    private readonly int _chunkSize;
    private readonly byte[] _datagram;
    private Socket? _socket;

    public GelfUdpTransport(GelfEndpoint endpoint, GelfCompression compression, int chunkSize)
    {
        _endpoint = endpoint;
        _compression = compression;
        _chunkSize = chunkSize;
        _datagram = new byte[chunkSize];
    }

    public async ValueTask<DeliveryResult> SendAsync(IReadOnlyList<ReadOnlyMemory<byte>> messages, CancellationToken cancellationToken)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var payload = GelfCompressor.Compress(messages[i], _compression);
            var count = GelfChunker.CountChunks(payload.Length, _chunkSize);
            if (count > GelfChunker.MaxChunks)
            {
                return DeliveryResult.Reject(
                    string.Create(CultureInfo.InvariantCulture, $"GELF message of {payload.Length} bytes needs {count} chunks of {_chunkSize} bytes; GELF allows {GelfChunker.MaxChunks}"),
                    delivered: i);
            }
            try
            {
                var socket = _socket ??= await ConnectAsync(cancellationToken);
                if (count == 1)
                {
                    await socket.SendAsync(payload, SocketFlags.None, cancellationToken);
                    continue;
                }
                var id = (ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue);
                for (var sequence = 0; sequence < count; sequence++)
                {
                    var length = GelfChunker.WriteChunk(payload.Span, _chunkSize, id, sequence, count, _datagram);
                    await socket.SendAsync(_datagram.AsMemory(0, length), SocketFlags.None, cancellationToken);
                }
            }
            catch (SocketException e)
            {
                // ECONNREFUSED here reports that an earlier datagram met a closed port: resolve and send again.
                Close();
                return DeliveryResult.Retry($"udp send to {_endpoint}: {e.SocketErrorCode}", delivered: i);
            }
        }
        return DeliveryResult.Delivered;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(_endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(_endpoint.Host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, _endpoint.Port), cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }
}
