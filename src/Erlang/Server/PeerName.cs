using Gateway.Erlang.Distribution;

namespace Gateway.Erlang.Server;

/// <summary>What a connecting node says in its send_name message.</summary>
/// <param name="NodeName">The initiator's full node name.</param>
/// <param name="Flags">Its capability flags (only the low 32 bits in the 'n' form until its complement arrives).</param>
/// <param name="Creation">Its creation (0 in the 'n' form until its complement arrives).</param>
/// <param name="IsNewFormat">True for the OTP 23+ 'N' name, false for the version 5 'n' one.</param>
public sealed record PeerName(string NodeName, DistributionFlags Flags, uint Creation, bool IsNewFormat);
