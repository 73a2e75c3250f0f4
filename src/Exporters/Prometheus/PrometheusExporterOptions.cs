namespace Gateway.Exporters.Prometheus;

/// <summary>Options of <c>exporters.prometheus</c> (see README.md in this folder).</summary>
public sealed class PrometheusExporterOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "exporters:prometheus";

    /// <summary>The YAML path used in validation messages.</summary>
    public const string YamlPath = "exporters.prometheus";

    /// <summary>HTTP path of the exposition. Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>Answer in OpenMetrics 1.0 when the scraper's <c>Accept</c> header prefers it. Default true.</summary>
    public bool OpenMetrics { get; set; } = true;

    /// <summary>Compress the response when the scraper accepts gzip. Default true.</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>
    /// Include the gateway's own process/runtime metrics and the <c>SelfMetrics</c> registry (the
    /// <c>gateway_*</c> counters, gauges and histograms of the components). Default true. The per-node
    /// self-metrics (<c>gateway_node_up</c> …) and provided families are always included.
    /// </summary>
    public bool IncludeGatewayMetrics { get; set; } = true;

    /// <summary>The <c>job</c> label of the gateway's own series. Default <c>gateway</c>.</summary>
    public string GatewayJob { get; set; } = "gateway";

    /// <summary>The <c>instance</c> label of the gateway's own series. Default: the host name.</summary>
    public string? GatewayInstance { get; set; }

    /// <summary>The effective <c>instance</c> of the gateway's own series.</summary>
    public string EffectiveGatewayInstance =>
        string.IsNullOrWhiteSpace(GatewayInstance) ? Environment.MachineName : GatewayInstance;
}
