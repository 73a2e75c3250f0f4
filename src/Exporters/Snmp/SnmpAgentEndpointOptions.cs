namespace Gateway.Exporters.Snmp;

/// <summary><c>exporters.snmp.agent</c>: where the read-only agent listens and who may read it.</summary>
public sealed class SnmpAgentEndpointOptions
{
    /// <summary>UDP <c>ip:port</c> to listen on. Default <c>127.0.0.1:1161</c>.</summary>
    public string Listen { get; set; } = "127.0.0.1:1161";

    /// <summary>v2c read community; null = v2c off (v3 only).</summary>
    public string? Community { get; set; }

    /// <summary>v3 users (authPriv recommended).</summary>
    public List<SnmpUserOptions> Users { get; set; } = [];

    /// <summary>How often the tables are rebuilt from the alarm manager (node changes also rebuild at once). Default 1 s.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    public override string ToString() => $"agent on {Listen}";
}
