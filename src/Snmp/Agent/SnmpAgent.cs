using System.Net;
using System.Net.Sockets;
using Gateway.Snmp.Engine;

namespace Gateway.Snmp.Agent;

/// <summary>
/// A read-only SNMP agent on one UDP socket: GET, GETNEXT and GETBULK over v2c and v3/USM, SET
/// refused, bad community or credentials unanswered and counted. The MIB view is the union of the
/// providers (the system group first, then the caller's tables).
/// </summary>
public sealed class SnmpAgent : IAsyncDisposable
{
    private readonly AgentRequestHandler _handler;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public SnmpAgent(SnmpEngine engine, SnmpAgentOptions options, IReadOnlyList<IMibTreeProvider> providers)
    {
        _handler = new AgentRequestHandler(engine, options, providers);
        _socket = new Socket(options.Listen.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(options.Listen);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public SnmpAgentCounters Counters => _handler.Counters;

    public void Start() => _loop ??= Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP errors from earlier replies surface here; the next datagram is unaffected.
                continue;
            }

            int length = received.ReceivedBytes;
            var remote = received.RemoteEndPoint;
            try
            {
                var response = _handler.Handle(buffer.AsSpan(0, length));
                if (!response.IsEmpty)
                {
                    _socket.SendTo(response, SocketFlags.None, remote);
                }
            }
            catch (SocketException)
            {
                // The requester went away; nothing to do for UDP.
            }
#pragma warning disable CA1031 // one bad request must not stop the agent; it is counted instead
            catch (Exception)
            {
                Interlocked.Increment(ref _handler.Counters.InternalErrors);
            }
#pragma warning restore CA1031
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }
}
