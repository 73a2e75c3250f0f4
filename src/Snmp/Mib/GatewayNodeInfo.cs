namespace Gateway.Snmp.Mib;

/// <summary>One watched node as GATEWAY-MIB shows it (a row of gwNodeTable).</summary>
public sealed record GatewayNodeInfo(uint Index, string Name, bool Up, DateTimeOffset LastSeen);
