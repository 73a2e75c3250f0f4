namespace Gateway.Erlang.Epmd;

/// <summary>What EPMD knows about one registered node (a PORT2_RESP).</summary>
/// <param name="Name">The alive part of the node name (<c>n1</c> for <c>n1@host</c>).</param>
/// <param name="Port">The TCP port the node accepts distribution connections on.</param>
/// <param name="NodeType">Normal or hidden.</param>
/// <param name="Protocol">0 = TCP/IPv4 (the only value OTP uses).</param>
/// <param name="HighestVersion">Highest distribution version the node speaks (6 on OTP 23+).</param>
/// <param name="LowestVersion">Lowest distribution version the node speaks (5 before OTP 25).</param>
/// <param name="Extra">Opaque extra data the node registered (usually empty).</param>
public sealed record EpmdNodeInfo(
    string Name,
    int Port,
    EpmdNodeType NodeType,
    byte Protocol,
    int HighestVersion,
    int LowestVersion,
    ReadOnlyMemory<byte> Extra);
