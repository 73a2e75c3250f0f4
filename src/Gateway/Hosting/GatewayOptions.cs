namespace Gateway.Hosting;

/// <summary>The <c>gateway:</c> section: where the gateway listens and keeps its state.</summary>
public sealed class GatewayOptions
{
    public const string Section = "gateway";

    /// <summary>HTTP listen address, <c>host:port</c> (<c>[::1]:9464</c> for IPv6, <c>0.0.0.0:9464</c> for every interface).</summary>
    public string Listen { get; set; } = "127.0.0.1:9464";

    /// <summary>
    /// The gateway's URL as its users reach it (behind a proxy, a DNS name), for the links exporters send
    /// (<c>&lt;externalUrl&gt;/api/v1/alarms/&lt;id&gt;</c>); null = <c>http://</c> + <see cref="Listen"/>, with the
    /// machine's host name for a wildcard address.
    /// </summary>
    public string? ExternalUrl { get; set; }

    /// <summary>Folder for alarm state and outboxes; created when missing.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Bearer token for the write endpoints; write endpoints answer 403 while it is unset.</summary>
    public string? ApiToken { get; set; }

    /// <summary>How long a graceful shutdown may take.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
