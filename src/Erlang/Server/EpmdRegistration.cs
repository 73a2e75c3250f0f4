using System.Buffers;
using System.Net.Sockets;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Epmd;

namespace Gateway.Erlang.Server;

/// <summary>
/// A node's registration with EPMD (ALIVE2_REQ). EPMD keeps the name for as long as this TCP
/// connection lasts, so the registration holds one socket open until it is disposed.
/// </summary>
public sealed class EpmdRegistration : IAsyncDisposable
{
    private readonly Socket socket;

    private EpmdRegistration(Socket socket, string aliveName, int port, uint creation)
    {
        this.socket = socket;
        AliveName = aliveName;
        Port = port;
        Creation = creation;
    }

    /// <summary>The registered name (the part before the '@').</summary>
    public string AliveName { get; }

    /// <summary>The distribution port EPMD hands out for the name.</summary>
    public int Port { get; }

    /// <summary>The creation EPMD assigned: what our pids and refs carry.</summary>
    public uint Creation { get; }

    /// <summary>Registers <paramref name="aliveName"/> as listening on <paramref name="port"/>.</summary>
    /// <exception cref="EpmdException">EPMD is unreachable or refused the name.</exception>
    public static async Task<EpmdRegistration> RegisterAsync(
        string epmdHost,
        int epmdPort,
        string aliveName,
        int port,
        EpmdNodeType nodeType = EpmdNodeType.Normal,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(epmdHost);
        var request = new ArrayBufferWriter<byte>(64);
        EpmdAliveCodec.WriteAlive2Request(request, aliveName, port, nodeType);
        Socket socket;
        try
        {
            socket = await TcpConnector.ConnectAsync(epmdHost, epmdPort, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new EpmdException($"Cannot reach EPMD at {epmdHost}:{epmdPort} ({e.SocketErrorCode}).", e);
        }

        try
        {
            await socket.SendAsync(request.WrittenMemory, SocketFlags.None, cancellationToken);
            var response = new byte[EpmdAliveCodec.MaxResponseBytes];
            var received = 0;
            uint creation;
            while (!EpmdAliveCodec.TryParseAlive2Response(response.AsSpan(0, received), out creation))
            {
                var read = await socket.ReceiveAsync(response.AsMemory(received), SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    throw new EpmdException($"EPMD at {epmdHost}:{epmdPort} closed the connection without answering ALIVE2_REQ for {aliveName}.");
                }

                received += read;
            }

            return new EpmdRegistration(socket, aliveName, port, creation);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new EpmdException($"EPMD at {epmdHost}:{epmdPort} dropped the ALIVE2_REQ for {aliveName} ({e.SocketErrorCode}).", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Closes the connection, which makes EPMD forget the name.</summary>
    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
