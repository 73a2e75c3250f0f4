using Gateway.Core.Routing;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// Options of <c>exporters.snmp</c> (every key and its default: README.md in this folder). The common
/// push keys (<c>minSeverity</c>, <c>events</c> — here <c>alarms</c>, <c>nodes</c> —, <c>nodes</c>,
/// <c>groups</c>, <c>outbox</c>, <c>enabled</c>) come from <see cref="PushExporterOptions"/>.
/// </summary>
public sealed class SnmpExporterOptions : PushExporterOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "exporters:snmp";

    /// <summary>The YAML path used in validation messages.</summary>
    public const string YamlPath = "exporters.snmp";

    /// <summary>Network management systems that get traps or informs; each has its own outbox.</summary>
    public List<SnmpDestinationOptions> Destinations { get; set; } = [];

    /// <summary>The read-only agent serving gwAlarmTable and gwNodeTable; null (absent) = no agent.</summary>
    public SnmpAgentEndpointOptions? Agent { get; set; }

    /// <summary>snmpEngineID as hex (<c>0x80…</c>); null = generated once and kept in <c>&lt;dataDir&gt;/snmp-engine.conf</c>.</summary>
    public string? EngineId { get; set; }

    /// <summary>The GATEWAY-MIB root; default the MIB's placeholder <c>1.3.6.1.4.1.99999</c>.</summary>
    public string BaseOid { get; set; } = "1.3.6.1.4.1.99999";

    /// <summary>Default rate limit of every destination (a destination may set its own).</summary>
    public SnmpRateLimitOptions TrapRateLimit { get; set; } = new();

    /// <summary>Default time to wait for an inform's acknowledgement, per attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Default retransmissions of an unanswered inform within one delivery attempt.</summary>
    public int Retries { get; set; } = 2;
}
