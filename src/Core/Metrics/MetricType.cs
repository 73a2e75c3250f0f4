namespace Gateway.Core.Metrics;

/// <summary>The metric types of the Prometheus text format 0.0.4 and OpenMetrics 1.0.</summary>
public enum MetricType : byte
{
    /// <summary>No TYPE line, or "untyped" (0.0.4) / "unknown" (OpenMetrics).</summary>
    Untyped = 0,
    Counter,
    Gauge,
    Histogram,
    Summary,
    /// <summary>OpenMetrics only; rendered as a gauge in the 0.0.4 text format.</summary>
    Info,
    /// <summary>OpenMetrics only; rendered as a gauge in the 0.0.4 text format.</summary>
    StateSet,
    /// <summary>OpenMetrics only; rendered as untyped in the 0.0.4 text format.</summary>
    GaugeHistogram,
}
