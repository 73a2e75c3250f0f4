using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using Gateway.Erlang.Distribution;

namespace Gateway.Erlang.Epmd;

/// <summary>
/// Asks the EPMD of one host where its nodes listen. Each request uses its own short TCP connection,
/// as EPMD closes the connection after answering.
/// </summary>
public sealed class EpmdClient
{
    // A NAMES_RESP is one short line per node; this bounds what a misbehaving peer can make us buffer.
    private const int MaxResponseBytes = 1 << 20;

    public EpmdClient(string host, int port = EpmdProtocol.DefaultPort)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Host = host;
        Port = port;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>
    /// The EPMD port from the <c>ERL_EPMD_PORT</c> environment variable (what <c>erl</c> itself uses),
    /// or 4369 when it is unset or not a port number.
    /// </summary>
    public static int PortFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable("ERL_EPMD_PORT");
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : EpmdProtocol.DefaultPort;
    }

    /// <summary>PORT_PLEASE2_REQ: where the node <paramref name="aliveName"/> listens, or null if it is not registered.</summary>
    /// <exception cref="EpmdException">EPMD is unreachable or answered garbage.</exception>
    public async Task<EpmdNodeInfo?> LookupAsync(string aliveName, CancellationToken cancellationToken = default)
    {
        var request = new ArrayBufferWriter<byte>(64);
        EpmdProtocol.WritePortPlease2Request(request, aliveName);
        var response = await ExchangeAsync(request.WrittenMemory, "PORT_PLEASE2_REQ", cancellationToken);
        return EpmdProtocol.ParsePort2Response(response);
    }

    /// <summary>NAMES_REQ: every node registered with this EPMD.</summary>
    /// <exception cref="EpmdException">EPMD is unreachable or answered garbage.</exception>
    public async Task<IReadOnlyList<EpmdNameEntry>> NamesAsync(CancellationToken cancellationToken = default)
    {
        var request = new ArrayBufferWriter<byte>(3);
        EpmdProtocol.WriteNamesRequest(request);
        var response = await ExchangeAsync(request.WrittenMemory, "NAMES_REQ", cancellationToken);
        return EpmdProtocol.ParseNamesResponse(response, out _);
    }

    private async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> request, string what, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = await TcpConnector.ConnectAsync(Host, Port, cancellationToken);
            await socket.SendAsync(request, SocketFlags.None, cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[4096];
            while (true)
            {
                var read = await socket.ReceiveAsync(chunk, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return buffer.ToArray();
                }

                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw new EpmdException($"EPMD at {Host}:{Port} answered {what} with more than {MaxResponseBytes} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (SocketException e)
        {
            throw new EpmdException($"Cannot reach EPMD at {Host}:{Port} ({e.SocketErrorCode}).", e);
        }
    }
}
