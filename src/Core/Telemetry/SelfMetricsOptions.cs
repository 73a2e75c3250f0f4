namespace Gateway.Core.Telemetry;

/// <summary>
/// The labels of the gateway's own series. Not a configuration section of its own: the Prometheus
/// exporter sets them from <c>exporters.prometheus.gatewayInstance</c> / <c>gatewayJob</c>, so the
/// gateway's series carry one identity wherever they are rendered.
/// </summary>
public sealed class SelfMetricsOptions
{
    public const string DefaultJob = "gateway";

    /// <summary>The <c>job</c> label. Default <c>gateway</c>.</summary>
    public string Job { get; set; } = DefaultJob;

    /// <summary>The <c>instance</c> label. Default: the host name.</summary>
    public string? Instance { get; set; }

    /// <summary>The effective <c>instance</c>: <see cref="Instance"/>, else <see cref="Environment.MachineName"/>.</summary>
    public string EffectiveInstance => string.IsNullOrWhiteSpace(Instance) ? Environment.MachineName : Instance;
}
