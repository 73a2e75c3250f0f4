using System.Net;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Agent;

/// <summary>Agent settings. A class, not a record: the community is a secret and must not appear in a generated ToString.</summary>
public sealed class SnmpAgentOptions
{
    /// <summary>UDP endpoint to listen on; port 0 picks a free port (see <see cref="SnmpAgent.LocalEndPoint"/>).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 1161);

    /// <summary>v2c read community; null disables v1/v2c.</summary>
    public string? Community { get; init; }

    /// <summary>v3 users; each must be used at its configured security level.</summary>
    public IReadOnlyList<UsmUser> Users { get; init; } = [];

    /// <summary>Largest response we build (bytes); v3 requests may ask for less with msgMaxSize.</summary>
    public int MaxMessageSize { get; init; } = 8192;

    /// <summary>Upper bound on varbinds in one GetBulk response, whatever max-repetitions says.</summary>
    public int MaxBulkVarBinds { get; init; } = 1000;
}
