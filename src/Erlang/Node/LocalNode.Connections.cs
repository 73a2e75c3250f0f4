using System.Net.Security;
using System.Net.Sockets;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Epmd;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

public sealed partial class LocalNode
{
    /// <summary>
    /// Connects to <paramref name="node"/> unless already connected. Concurrent calls for the same node
    /// share one attempt. After a failed attempt, calls fail fast until the backoff has passed.
    /// </summary>
    /// <exception cref="ErlangAuthenticationException">The node rejected our cookie.</exception>
    /// <exception cref="ErlangHandshakeException">The node refused us for another reason.</exception>
    /// <exception cref="ErlangConnectionException">The node is not registered, unreachable, or the attempt timed out.</exception>
    public async Task ConnectAsync(string node, CancellationToken cancellationToken = default) =>
        await GetConnectionAsync(ErlangAtom.Of(node), cancellationToken);

    /// <inheritdoc cref="ConnectAsync(string, CancellationToken)"/>
    public async Task ConnectAsync(ErlangAtom node, CancellationToken cancellationToken = default) =>
        await GetConnectionAsync(node, cancellationToken);

    /// <summary>Closes the connection to <paramref name="node"/>, if any (NodeDown fires with LocalClose).</summary>
    public async Task DisconnectAsync(string node)
    {
        if (remotes.TryGetValue(ErlangAtom.Of(node), out var remote))
        {
            DistributionConnection? connection;
            lock (remote.Gate)
            {
                connection = remote.Connection;
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    internal async Task<DistributionConnection> GetConnectionAsync(ErlangAtom node, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposing.IsCancellationRequested, this);
        if (node.Equals(Name))
        {
            throw new ArgumentException($"{node.Name} is this node; it cannot connect to itself.", nameof(node));
        }

        var remote = remotes.GetOrAdd(node, static _ => new RemoteNode());
        Task<DistributionConnection> attempt;
        lock (remote.Gate)
        {
            if (remote.Connection is { IsOpen: true } open)
            {
                return open;
            }

            if (remote.Connecting is null)
            {
                var wait = remote.Failures > 0 ? time.GetElapsedTime(time.GetTimestamp(), remote.RetryAt) : TimeSpan.Zero;
                if (wait > TimeSpan.Zero)
                {
                    throw new ErlangConnectionException(
                        node.Name,
                        $"Not reconnecting to {node.Name} for another {wait.TotalSeconds:0.###} s after {remote.Failures} failed attempt(s); last: {remote.LastError?.Message}",
                        innerException: remote.LastError);
                }

                // Run outside the lock: the attempt may fail synchronously and then records the failure.
                remote.Connecting = Task.Run(() => ConnectAndRecordAsync(node, remote));
            }

            attempt = remote.Connecting;
        }

        return await attempt.WaitAsync(cancellationToken);
    }

    private async Task<DistributionConnection> ConnectAndRecordAsync(ErlangAtom node, RemoteNode remote)
    {
        try
        {
            var connection = await ConnectCoreAsync(node);
            lock (remote.Gate)
            {
                remote.Connection = connection;
                remote.Connecting = null;
                remote.Failures = 0;
                remote.LastError = null;
            }

            _ = connection.Closed.ContinueWith(
                t => OnConnectionClosed(node, remote, connection, t.Result),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            LogConnected(logger, node.Name, connection.Handshake.PeerCreation, (ulong)connection.Flags);
            Raise(NodeUp, new NodeUpEventArgs(node, connection.Handshake));
            return connection;
        }
        catch (Exception e)
        {
            int failures;
            lock (remote.Gate)
            {
                remote.Connecting = null;
                failures = ++remote.Failures;
                remote.LastError = e;
                var backoff = Backoff(remote.Failures);
                remote.RetryAt = time.GetTimestamp() + (long)(backoff.TotalSeconds * time.TimestampFrequency);
            }

            // One warning when a node becomes unreachable; the retries after it are counted (Failures) and
            // logged at debug, so a few bad nodes do not write a warning per reconnect attempt.
            if (failures == 1)
            {
                LogConnectFailed(logger, node.Name, e.Message);
            }
            else
            {
                LogStillFailing(logger, node.Name, failures, e.Message);
            }
            throw;
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var min = Options.ReconnectBackoffMin;
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var ticks = Math.Min(Options.ReconnectBackoffMax.Ticks, min.Ticks * factor);
        return TimeSpan.FromTicks((long)ticks);
    }

    private async Task<DistributionConnection> ConnectCoreAsync(ErlangAtom node)
    {
        if (!NodeNameParser.TryParse(node.Name, out var alive, out var host))
        {
            throw new ArgumentException($"\"{node.Name}\" is not a node name (name@host).", nameof(node));
        }

        if (NodeNameParser.IsLongName(host) != longNames)
        {
            throw new ErlangConnectionException(
                node.Name,
                longNames
                    ? $"Cannot connect to {node.Name}: it uses short names (-sname) but {Name.Name} uses long names."
                    : $"Cannot connect to {node.Name}: it uses long names (-name) but {Name.Name} uses short names.");
        }

        using var timeout = new CancellationTokenSource(Options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, disposing.Token);
        var cancellationToken = linked.Token;
        Stream? stream = null;
        try
        {
            var info = await new EpmdClient(host, epmdPort).LookupAsync(alive, cancellationToken)
                ?? throw new ErlangConnectionException(node.Name, $"Node {node.Name} is not registered with EPMD at {host}:{epmdPort}.");

            Socket socket;
            try
            {
                socket = await TcpConnector.ConnectAsync(host, info.Port, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new ErlangConnectionException(node.Name, $"Cannot connect to {node.Name} at {host}:{info.Port} ({e.SocketErrorCode}).", innerException: e);
            }

            stream = new NetworkStream(socket, ownsSocket: true);
            if (Options.Tls is { } tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(CopyForHost(tls, host), cancellationToken);
            }

            var version = Math.Min(info.HighestVersion, Options.MaxHandshakeVersion);
            var handshake = await DistributionHandshake.PerformAsync(
                stream, Name.Name, node.Name, Options.Cookie, Options.Flags, Creation, version, cancellationToken,
                lengthPrefixBytes: Options.Tls is null ? 2 : 4);
            var connection = new DistributionConnection(
                stream, handshake, Options.NetTickTime, Options.MaxMessageBytes, OnSignal, time, logger);
            connection.Start();
            stream = null;
            return connection;
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new ErlangConnectionException(
                node.Name, $"Connecting to {node.Name} timed out after {Options.ConnectTimeout.TotalSeconds:0.###} s.", innerException: new TimeoutException(e.Message, e));
        }
        catch (EpmdException e)
        {
            throw new ErlangConnectionException(node.Name, $"Cannot look up {node.Name}: {e.Message}", innerException: e);
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            throw new ErlangConnectionException(node.Name, $"TLS with {node.Name} failed: {e.Message}", innerException: e);
        }
        catch (IOException e)
        {
            throw new ErlangConnectionException(node.Name, $"Connection to {node.Name} broke during setup: {e.Message}", innerException: e);
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static SslClientAuthenticationOptions CopyForHost(SslClientAuthenticationOptions tls, string host) => new()
    {
        TargetHost = tls.TargetHost ?? host,
        ClientCertificates = tls.ClientCertificates,
        ClientCertificateContext = tls.ClientCertificateContext,
        LocalCertificateSelectionCallback = tls.LocalCertificateSelectionCallback,
        RemoteCertificateValidationCallback = tls.RemoteCertificateValidationCallback,
        EnabledSslProtocols = tls.EnabledSslProtocols,
        CertificateRevocationCheckMode = tls.CertificateRevocationCheckMode,
        CertificateChainPolicy = tls.CertificateChainPolicy,
        EncryptionPolicy = tls.EncryptionPolicy,
        ApplicationProtocols = tls.ApplicationProtocols,
        CipherSuitesPolicy = tls.CipherSuitesPolicy,
        AllowRenegotiation = tls.AllowRenegotiation,
    };

    private void OnConnectionClosed(ErlangAtom node, RemoteNode remote, DistributionConnection connection, ConnectionClosedInfo info)
    {
        lock (remote.Gate)
        {
            if (ReferenceEquals(remote.Connection, connection))
            {
                remote.Connection = null;
            }
        }

        var down = new ErlangConnectionException(node.Name, $"Node {node.Name} went down: {info.Description}.", info);
        foreach (var (reference, call) in calls)
        {
            if (ReferenceEquals(call.Connection, connection) && calls.TryRemove(reference, out _))
            {
                call.Completion.TrySetException(down);
            }
        }

        var noConnection = ErlangAtom.Of("noconnection");
        foreach (var (reference, monitor) in monitors)
        {
            if (ReferenceEquals(monitor.Connection, connection) && monitors.TryRemove(reference, out _))
            {
                DeliverDown(reference, monitor, monitor.Target, noConnection);
            }
        }

        foreach (var (key, linkConnection) in links)
        {
            if (ReferenceEquals(linkConnection, connection) && links.TryRemove(key, out _)
                && mailboxes.TryGetValue(key.Local, out var mailbox))
            {
                mailbox.Deliver(new ErlangTuple(ErlangAtom.Of("EXIT"), key.Remote, noConnection));
            }
        }

        foreach (var (reference, watch) in incomingMonitors)
        {
            if (ReferenceEquals(watch.Connection, connection))
            {
                incomingMonitors.TryRemove(reference, out _);
            }
        }

        if (!disposing.IsCancellationRequested)
        {
            Raise(NodeDown, new NodeDownEventArgs(node, info));
        }
    }

    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        if (handler is null)
        {
            return;
        }

        foreach (var single in handler.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                single(this, args);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogHandlerFailed(logger, typeof(T).Name, e);
            }
        }
    }
}
