using System.Net;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Notifications;

/// <summary>Where and how to send notifications. A class, not a record: the community is a secret and must not show up in a generated ToString.</summary>
public sealed class NotificationTarget
{
    public required IPEndPoint EndPoint { get; init; }

    public SnmpVersion Version { get; init; } = SnmpVersion.V2c;

    /// <summary>Send InformRequests (v2c/v3) and wait for the Response; false = fire-and-forget traps.</summary>
    public bool Inform { get; init; }

    /// <summary>Community for v1/v2c.</summary>
    public string Community { get; init; } = "public";

    /// <summary>USM user for v3 (its level decides noAuthNoPriv / authNoPriv / authPriv).</summary>
    public UsmUser? User { get; init; }

    /// <summary>Time to wait for each inform attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Retransmissions after the first inform attempt.</summary>
    public int Retries { get; init; } = 2;

    public string ContextName { get; init; } = "";

    /// <summary>agent-addr of SNMPv1 traps (default 0.0.0.0).</summary>
    public IPAddress V1AgentAddress { get; init; } = IPAddress.Any;

    public override string ToString() => $"{Version} {(Inform ? "inform" : "trap")} to {EndPoint}";
}
