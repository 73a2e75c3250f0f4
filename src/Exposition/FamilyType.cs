namespace Gateway.Exposition;

/// <summary>The type of a metric family as the text format 0.0.4 and OpenMetrics 1.0 declare it.</summary>
public enum FamilyType : byte
{
    /// <summary>No TYPE line, or <c>untyped</c> (0.0.4) / <c>unknown</c> (OpenMetrics).</summary>
    Untyped = 0,
    Counter,
    Gauge,
    Histogram,
    Summary,

    /// <summary>OpenMetrics only.</summary>
    Info,

    /// <summary>OpenMetrics only.</summary>
    StateSet,

    /// <summary>OpenMetrics only.</summary>
    GaugeHistogram,
}
