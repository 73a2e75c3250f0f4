namespace Gateway.Exporters.Snmp;

/// <summary>One entry of <c>exporters.snmp.destinations</c>. A class, not a record: it holds secrets and must not print them.</summary>
public sealed class SnmpDestinationOptions
{
    /// <summary><c>host:port</c> (port 162 when left out); a host name is resolved on the first delivery.</summary>
    public string? Address { get; set; }

    /// <summary><c>v1</c>, <c>v2c</c> (default) or <c>v3</c>.</summary>
    public string Version { get; set; } = "v2c";

    /// <summary>Community for v1/v2c. Default <c>public</c>.</summary>
    public string Community { get; set; } = "public";

    /// <summary>Send InformRequests and count a notification delivered only when acknowledged (v2c/v3).</summary>
    public bool Inform { get; set; }

    /// <summary>USM user name (v3).</summary>
    public string? User { get; set; }

    /// <summary>USM authentication (v3); absent = noAuthNoPriv.</summary>
    public SnmpSecretOptions? Auth { get; set; }

    /// <summary>USM privacy (v3); needs <see cref="Auth"/>.</summary>
    public SnmpSecretOptions? Priv { get; set; }

    /// <summary>Overrides <see cref="SnmpExporterOptions.Timeout"/> for this destination.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Overrides <see cref="SnmpExporterOptions.Retries"/> for this destination.</summary>
    public int? Retries { get; set; }

    /// <summary>Overrides <see cref="SnmpExporterOptions.TrapRateLimit"/> for this destination.</summary>
    public SnmpRateLimitOptions? TrapRateLimit { get; set; }

    public override string ToString() => $"{Version} {(Inform ? "inform" : "trap")} to {Address}";
}
