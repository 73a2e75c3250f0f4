using System.Threading.Channels;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

/// <summary>
/// A process of our node: it has a pid (and optionally a registered name) that remote processes can
/// send to, link to and monitor. Messages arrive in order per sender. Exit signals and monitor DOWNs
/// arrive as messages, <c>{'EXIT', From, Reason}</c> and <c>{'DOWN', Ref, process, Pid, Reason}</c>,
/// as for an Erlang process that traps exits. Dispose it to unregister; linked and monitoring
/// remote processes then see it exit with reason <c>normal</c>.
/// </summary>
public sealed class Mailbox : IDisposable
{
    private readonly LocalNode node;
    private readonly Channel<ErlangTerm> channel;
    private long dropped;

    internal Mailbox(LocalNode node, ErlangPid pid, ErlangAtom? registeredName, int? capacity)
    {
        this.node = node;
        Pid = pid;
        RegisteredName = registeredName;
        channel = capacity is int c
            ? Channel.CreateBounded<ErlangTerm>(
                new BoundedChannelOptions(c) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = false },
                _ => Interlocked.Increment(ref dropped))
            : Channel.CreateUnbounded<ErlangTerm>(new UnboundedChannelOptions { SingleWriter = false });
    }

    public ErlangPid Pid { get; }

    public ErlangAtom? RegisteredName { get; }

    /// <summary>The messages; completes when the mailbox is disposed or the node shuts down.</summary>
    public ChannelReader<ErlangTerm> Reader => channel.Reader;

    /// <summary>Messages dropped because a bounded mailbox was full (the oldest go first).</summary>
    public long DroppedCount => Interlocked.Read(ref dropped);

    /// <summary>The next message.</summary>
    /// <exception cref="ChannelClosedException">The mailbox was disposed.</exception>
    public ValueTask<ErlangTerm> ReceiveAsync(CancellationToken cancellationToken = default) =>
        channel.Reader.ReadAsync(cancellationToken);

    /// <summary>Sends <paramref name="message"/> to a process, with this mailbox as the sender.</summary>
    public Task SendAsync(ErlangPid to, ErlangTerm message, CancellationToken cancellationToken = default) =>
        node.SendFromAsync(Pid, to, message, cancellationToken);

    /// <summary>Sends to the process registered as <paramref name="registeredName"/> on <paramref name="nodeName"/> (<c>{Name, Node} ! Message</c>).</summary>
    public Task SendAsync(string registeredName, string nodeName, ErlangTerm message, CancellationToken cancellationToken = default) =>
        node.SendFromAsync(Pid, ErlangAtom.Of(registeredName), ErlangAtom.Of(nodeName), message, cancellationToken);

    /// <summary>Monitors a remote process: a <c>{'DOWN', Ref, process, Pid, Reason}</c> message arrives here when it ends.</summary>
    public Task<ErlangRef> MonitorAsync(ErlangPid target, CancellationToken cancellationToken = default) =>
        node.MonitorFromAsync(Pid, target, null, cancellationToken);

    /// <summary>Removes a monitor made by <see cref="MonitorAsync"/>; no DOWN arrives for it afterwards.</summary>
    public void Demonitor(ErlangRef reference) => node.Demonitor(reference);

    /// <summary>Links to a remote process: its exit arrives here as <c>{'EXIT', Pid, Reason}</c>.</summary>
    public Task LinkAsync(ErlangPid target, CancellationToken cancellationToken = default) =>
        node.LinkFromAsync(Pid, target, cancellationToken);

    public void Dispose() => node.CloseMailbox(this);

    internal void Deliver(ErlangTerm message) => channel.Writer.TryWrite(message);

    internal void Complete() => channel.Writer.TryComplete();
}
