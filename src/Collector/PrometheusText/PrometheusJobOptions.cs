namespace Gateway.Collector.PrometheusText;

/// <summary>One entry of <c>collect.prometheus</c>: a job of HTTP targets serving Prometheus text or OpenMetrics.</summary>
public sealed class PrometheusJobOptions
{
    /// <summary>The <c>job</c> label of every target of this entry; unique across entries. Required.</summary>
    public string Job { get; set; } = string.Empty;

    /// <summary>Static targets as <c>host:port</c> (IPv6 as <c>[::1]:9100</c>).</summary>
    public IList<string> Targets { get; init; } = [];

    /// <summary>Prometheus file_sd JSON files (globs allowed in the file name), relative to the config file's directory.</summary>
    public IList<string> FileSd { get; init; } = [];

    /// <summary>How often file_sd files are re-read even without a file-system event.</summary>
    public TimeSpan FileSdRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Labels added to every target of this job; a file_sd group's own labels override them.</summary>
    public IDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>HTTP path of the exposition.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public string Scheme { get; set; } = "http";

    /// <summary>Overrides <c>collect.interval</c> for this job.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Overrides <c>collect.timeout</c> for this job.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>HTTP basic authentication; mutually exclusive with <see cref="BearerToken"/>.</summary>
    public PrometheusBasicAuthOptions? BasicAuth { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c>. Never logged.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Bounds on one scrape.</summary>
    public PrometheusLimitsOptions Limits { get; init; } = new();
}
