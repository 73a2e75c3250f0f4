using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

/// <summary>A connection to a node was established (first time or after a reconnect).</summary>
public sealed class NodeUpEventArgs(ErlangAtom node, HandshakeResult handshake) : EventArgs
{
    public ErlangAtom Node { get; } = node;

    public HandshakeResult Handshake { get; } = handshake;
}
