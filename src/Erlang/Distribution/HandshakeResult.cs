namespace Gateway.Erlang.Distribution;

/// <summary>What a successful handshake established.</summary>
/// <param name="PeerNodeName">The node name the peer gave in its challenge.</param>
/// <param name="PeerFlags">Every capability flag the peer advertised.</param>
/// <param name="PeerCreation">The peer's creation (identifies this incarnation of the node).</param>
/// <param name="Flags">The flags both sides advertised: what the connection may use.</param>
public sealed record HandshakeResult(string PeerNodeName, DistributionFlags PeerFlags, uint PeerCreation, DistributionFlags Flags);
