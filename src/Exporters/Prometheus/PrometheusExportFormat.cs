namespace Gateway.Exporters.Prometheus;

/// <summary>The two exposition formats <c>/metrics</c> can answer in.</summary>
public enum PrometheusExportFormat
{
    /// <summary>Prometheus text format 0.0.4 (<c>text/plain; version=0.0.4</c>).</summary>
    PrometheusText = 0,

    /// <summary>OpenMetrics 1.0 (<c>application/openmetrics-text; version=1.0.0</c>).</summary>
    OpenMetrics,
}
