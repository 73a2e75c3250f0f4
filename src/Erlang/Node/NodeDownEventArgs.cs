using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

/// <summary>A connection to a node ended; <see cref="Info"/> says why (closed, tick timeout …).</summary>
public sealed class NodeDownEventArgs(ErlangAtom node, ConnectionClosedInfo info) : EventArgs
{
    public ErlangAtom Node { get; } = node;

    public ConnectionClosedInfo Info { get; } = info;

    public ConnectionCloseReason Reason => Info.Reason;
}
