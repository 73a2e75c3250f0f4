using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LoadSimulator;

/// <summary>
/// A minimal epmd for the nodes of this process on one address (<c>--address-base</c>): answers
/// PORT_PLEASE2_REQ and NAMES_REQ from a table the farm fills directly, so the nodes need no ALIVE2
/// connection. The real epmd cannot be used for this: started with <c>-address 127.0.0.K</c> it also
/// binds 127.0.0.1 and ::1 on the same port, so a second epmd on that port (another loopback address)
/// exits with "address in use". Async sockets, so no select() limit either.
/// </summary>
internal sealed class BuiltInEpmd : IAsyncDisposable
{
    private const byte NamesReq = 110;
    private const byte PortPlease2Req = 122;
    private const byte Port2Resp = 119;

    private readonly Socket socket;
    private readonly ConcurrentDictionary<string, int> ports = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;

    public BuiltInEpmd(IPEndPoint endPoint)
    {
        EndPoint = endPoint;
        socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endPoint);
            socket.Listen(4096);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Makes <paramref name="alive"/> known at <paramref name="port"/>.</summary>
    public void Register(string alive, int port) => ports[alive] = port;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Dispose();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var header = new byte[2];
                await ReceiveExactlyAsync(client, header, timeout.Token);
                var request = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
                await ReceiveExactlyAsync(client, request, timeout.Token);
                var response = Answer(request);
                if (response.Length > 0)
                {
                    await client.SendAsync(response, SocketFlags.None, timeout.Token);
                }

                client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException or EndOfStreamException)
            {
                // A client that went away or a request we do not serve: nothing to report.
            }
        }
    }

    private static async Task ReceiveExactlyAsync(Socket client, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await client.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken);
            if (n == 0)
            {
                throw new EndOfStreamException();
            }

            read += n;
        }
    }

    private byte[] Answer(byte[] request)
    {
        if (request.Length == 0)
        {
            return [];
        }

        if (request[0] == NamesReq)
        {
            var text = new StringBuilder();
            foreach (var (alive, port) in ports)
            {
                text.Append("name ").Append(alive).Append(" at port ").Append(port).Append('\n');
            }

            var body = Encoding.Latin1.GetBytes(text.ToString());
            var response = new byte[4 + body.Length];
            BinaryPrimitives.WriteInt32BigEndian(response, EndPoint.Port);
            body.CopyTo(response, 4);
            return response;
        }

        if (request[0] == PortPlease2Req)
        {
            var name = Encoding.Latin1.GetString(request, 1, request.Length - 1);
            if (!ports.TryGetValue(name, out var port))
            {
                return [Port2Resp, 1];
            }

            // PORT2_RESP: result, port, node type 77 (normal), protocol 0 (TCP/IPv4), versions 6..5, name, no extra.
            var nameBytes = Encoding.Latin1.GetBytes(name);
            var response = new byte[14 + nameBytes.Length];
            response[0] = Port2Resp;
            response[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(2), (ushort)port);
            response[4] = 77;
            response[5] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(6), 6);
            BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(8), 5);
            BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(10), (ushort)nameBytes.Length);
            nameBytes.CopyTo(response, 12);
            BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(12 + nameBytes.Length), 0);
            return response;
        }

        return [];
    }
}
