using System.Collections.Concurrent;
using System.Security.Cryptography;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Epmd;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Erlang.Node;

/// <summary>
/// Our hidden Erlang node: connects to other nodes on demand (one connection per node, shared by all
/// callers), calls functions through their <c>rex</c> server, and hosts mailboxes that remote
/// processes can send to, link to and monitor. Dispose to close every connection.
/// </summary>
public sealed partial class LocalNode : IAsyncDisposable
{
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly int epmdPort;
    private readonly bool longNames;
    private readonly uint refSalt;
    private readonly ConcurrentDictionary<ErlangAtom, RemoteNode> remotes = new();
    private readonly ConcurrentDictionary<ErlangPid, Mailbox> mailboxes = new();
    private readonly ConcurrentDictionary<ErlangAtom, Mailbox> registered = new();
    private readonly ConcurrentDictionary<ErlangRef, PendingCall> calls = new();
    private readonly ConcurrentDictionary<ErlangRef, OutgoingMonitor> monitors = new();
    private readonly ConcurrentDictionary<ErlangRef, IncomingMonitor> incomingMonitors = new();
    private readonly ConcurrentDictionary<(ErlangPid Local, ErlangPid Remote), DistributionConnection> links = new();
    private readonly CancellationTokenSource disposing = new();
    private int nextPid;
    private long nextRef;

    /// <param name="options">Name, cookie and tuning; validated here.</param>
    /// <param name="timeProvider">Clock for ticks, timeouts and backoff (default: system).</param>
    /// <param name="logger">Connection events and protocol problems (never the cookie).</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public LocalNode(LocalNodeOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid local node options: " + string.Join("; ", errors), nameof(options));
        }

        Options = options;
        time = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        _ = NodeNameParser.TryParse(options.NodeName, out _, out var host);
        longNames = NodeNameParser.IsLongName(host);
        Name = ErlangAtom.Of(options.NodeName);
        epmdPort = options.EpmdPort ?? EpmdClient.PortFromEnvironment();

        // We never register with EPMD, so nothing hands us a creation: pick a random non-zero one so a
        // restarted gateway's pids and refs differ from those of its previous run.
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        Creation = Math.Max(1u, BitConverter.ToUInt32(random));
        refSalt = BitConverter.ToUInt32(random[4..]);
        SystemPid = NewPid();
    }

    /// <summary>Raised when a connection to a node ends (closed, killed, tick timeout …), on a pool thread.</summary>
    public event EventHandler<NodeDownEventArgs>? NodeDown;

    /// <summary>Raised when a connection to a node is established, on a pool thread.</summary>
    public event EventHandler<NodeUpEventArgs>? NodeUp;

    public LocalNodeOptions Options { get; }

    /// <summary>Our node name as an atom.</summary>
    public ErlangAtom Name { get; }

    /// <summary>Our creation, carried by every pid and reference we make.</summary>
    public uint Creation { get; }

    /// <summary>The nodes with an open connection.</summary>
    public IReadOnlyList<ErlangAtom> ConnectedNodes =>
        [.. remotes.Where(r => r.Value.Connection is { IsOpen: true }).Select(r => r.Key)];

    // The pid that sends RPC requests, receives their replies and owns LocalNode-level monitors.
    internal ErlangPid SystemPid { get; }

    /// <summary>
    /// Creates a mailbox; with <paramref name="registeredName"/>, remote processes reach it as
    /// <c>{Name, OurNode} ! Msg</c>. With <paramref name="capacity"/>, the oldest messages are dropped
    /// (and counted) when it is full; without, it is unbounded like an Erlang mailbox.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name is already registered.</exception>
    public Mailbox CreateMailbox(string? registeredName = null, int? capacity = null)
    {
        ObjectDisposedException.ThrowIf(disposing.IsCancellationRequested, this);
        if (capacity is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "A bounded mailbox holds at least one message.");
        }

        var name = registeredName is null ? null : ErlangAtom.Of(registeredName);
        var mailbox = new Mailbox(this, NewPid(), name, capacity);
        if (name is not null && !registered.TryAdd(name, mailbox))
        {
            throw new InvalidOperationException($"The name {registeredName} is already registered on {Name.Name}.");
        }

        mailboxes[mailbox.Pid] = mailbox;
        return mailbox;
    }

    /// <summary>A new reference unique to this node.</summary>
    public ErlangRef MakeRef()
    {
        var n = (ulong)Interlocked.Increment(ref nextRef);

        // The first word keeps to 18 bits as the runtime's own references do, in case a peer checks.
        return new ErlangRef(Name, Creation, [(uint)(n & 0x3FFFF), (uint)(n >> 18), refSalt]);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposing.IsCancellationRequested)
        {
            return;
        }

        disposing.Cancel();
        var closing = new List<Task>();
        foreach (var remote in remotes.Values)
        {
            DistributionConnection? connection;
            lock (remote.Gate)
            {
                connection = remote.Connection;
            }

            if (connection is not null)
            {
                closing.Add(connection.DisposeAsync().AsTask());
            }
        }

        await Task.WhenAll(closing);
        foreach (var call in calls.Values)
        {
            call.Completion.TrySetException(new ObjectDisposedException(nameof(LocalNode)));
        }

        foreach (var monitor in monitors.Values)
        {
            monitor.Completion?.TrySetException(new ObjectDisposedException(nameof(LocalNode)));
        }

        foreach (var mailbox in mailboxes.Values)
        {
            mailbox.Complete();
        }

        disposing.Dispose();
    }

    internal void CloseMailbox(Mailbox mailbox)
    {
        if (!mailboxes.TryRemove(mailbox.Pid, out _))
        {
            return;
        }

        if (mailbox.RegisteredName is { } name)
        {
            registered.TryRemove(new KeyValuePair<ErlangAtom, Mailbox>(name, mailbox));
        }

        mailbox.Complete();
        var normal = ErlangAtom.Of("normal");
        foreach (var (reference, watch) in incomingMonitors)
        {
            if (watch.Target.Equals(mailbox.Pid) && incomingMonitors.TryRemove(reference, out _))
            {
                TrySend(watch.Connection, ControlMessage.MonitorPExit(watch.TargetAsGiven, watch.Watcher, reference, normal));
            }
        }

        foreach (var (key, connection) in links)
        {
            if (key.Local.Equals(mailbox.Pid) && links.TryRemove(key, out _))
            {
                TrySend(connection, ControlMessage.Exit(mailbox.Pid, key.Remote, normal));
            }
        }

        foreach (var (reference, monitor) in monitors)
        {
            if (monitor.Owner.Equals(mailbox.Pid) && monitors.TryRemove(reference, out _))
            {
                TrySend(monitor.Connection, ControlMessage.DemonitorP(monitor.Owner, monitor.Target, reference));
            }
        }
    }

    private ErlangPid NewPid()
    {
        var n = (uint)Interlocked.Increment(ref nextPid);

        // 15-bit number and 13-bit serial: the classic ranges every OTP release accepts.
        return new ErlangPid(Name, n & 0x7FFF, (n >> 15) & 0x1FFF, Creation);
    }

    private static void TrySend(DistributionConnection connection, ControlMessage message)
    {
        try
        {
            connection.Send(message);
        }
        catch (ErlangConnectionException)
        {
            // The peer is gone; it cleans up its side of links and monitors itself.
        }
    }
}
