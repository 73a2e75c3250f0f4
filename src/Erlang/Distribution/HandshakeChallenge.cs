namespace Gateway.Erlang.Distribution;

/// <summary>The peer's recv_challenge: its name, capabilities, the challenge to answer and its creation.</summary>
/// <param name="NodeName">The peer's full node name.</param>
/// <param name="Flags">The peer's capability flags.</param>
/// <param name="Challenge">The random number our digest must answer.</param>
/// <param name="Creation">The peer's creation (0 in an old-style 'n' challenge).</param>
/// <param name="IsNewFormat">True for the OTP 23+ 'N' challenge, false for the version 5 'n' one.</param>
public sealed record HandshakeChallenge(
    string NodeName,
    DistributionFlags Flags,
    uint Challenge,
    uint Creation,
    bool IsNewFormat);
