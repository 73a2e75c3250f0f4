using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Erlang.Server;

/// <summary>
/// The accepting side of Erlang distribution: listens on a TCP port, runs the handshake with every
/// node that connects (cookie checked; a wrong one is dropped without an answer, as OTP does) and
/// answers <c>rpc:call</c>s through <c>rex</c> with a handler. Everything is asynchronous (no thread
/// per connection), so one process can host thousands of listeners.
/// </summary>
public sealed partial class DistributionListener : IAsyncDisposable
{
    private readonly DistributionListenerOptions options;
    private readonly Func<ErlangAtom, ErlangAtom, IReadOnlyList<ErlangTerm>, ErlangTerm> handler;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Socket socket;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<AcceptedConnection, byte> connections = new();
    private Task acceptLoop = Task.CompletedTask;
    private uint creation;
    private long rejectedCount;

    /// <summary>Binds the listening socket (so <see cref="Port"/> is known before registering with EPMD); <see cref="Start"/> begins accepting.</summary>
    /// <param name="options">Name, cookie, address and timing.</param>
    /// <param name="handler">Answers each <c>rpc:call(Node, Module, Function, Args)</c>; runs on the connection's reader, so keep it quick.</param>
    /// <param name="timeProvider">Clock for ticks.</param>
    /// <param name="logger">Where failed handshakes and protocol problems are logged.</param>
    public DistributionListener(
        DistributionListenerOptions options,
        Func<ErlangAtom, ErlangAtom, IReadOnlyList<ErlangTerm>, ErlangTerm> handler,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        if (!options.NodeName.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A node name is alive@host; got '{options.NodeName}'.", nameof(options));
        }

        this.options = options;
        this.handler = handler;
        time = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        socket = new Socket(options.ListenEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(options.ListenEndPoint);
            socket.Listen(options.Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>The port peers connect to.</summary>
    public int Port { get; }

    /// <summary>Our node name.</summary>
    public string NodeName => options.NodeName;

    /// <summary>The connections currently established.</summary>
    public IReadOnlyCollection<AcceptedConnection> Connections => [.. connections.Keys];

    /// <summary>Connections refused during the handshake (wrong cookie, protocol errors, timeouts).</summary>
    public long RejectedCount => Interlocked.Read(ref rejectedCount);

    /// <summary>Starts accepting connections; <paramref name="nodeCreation"/> is what our pids carry (EPMD's creation).</summary>
    public void Start(uint nodeCreation)
    {
        creation = nodeCreation;
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        socket.Dispose();
        try
        {
            await acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var connection in connections.Keys)
        {
            await connection.DisposeAsync();
        }

        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await socket.AcceptAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // Out of file descriptors and the like: the listener stays, the next accept may work.
                LogAcceptFailed(logger, options.NodeName, e.SocketErrorCode);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), time, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            _ = HandleAsync(accepted);
        }
    }

    private async Task HandleAsync(Socket accepted)
    {
        var stream = new NetworkStream(accepted, ownsSocket: true);
        HandshakeResult handshake;
        try
        {
            accepted.NoDelay = true;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            timeout.CancelAfter(options.HandshakeTimeout);
            handshake = await AcceptingHandshake.PerformAsync(stream, options.NodeName, options.Cookie, options.Flags, creation, timeout.Token);
        }
        catch (Exception e) when (e is ErlangDistributionException or OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            Interlocked.Increment(ref rejectedCount);
            LogHandshakeFailed(logger, options.NodeName, e.Message);
            await stream.DisposeAsync();
            return;
        }

        var connection = new AcceptedConnection(stream, handshake, options, creation, handler, time, logger);
        connections[connection] = 0;
        connection.Start();
        LogAccepted(logger, options.NodeName, handshake.PeerNodeName);
        if (stopping.IsCancellationRequested)
        {
            // The listener was disposed during the handshake, after it closed the connections it knew.
            await connection.DisposeAsync();
        }

        await connection.Closed;
        connections.TryRemove(connection, out _);
        await connection.DisposeAsync();
    }
}
