namespace Gateway.Saas.Datadog;

/// <summary>The <c>type</c> of a v2 series (MetricIntakeType): 0 unspecified, 1 count, 2 rate, 3 gauge.</summary>
public enum DatadogMetricType
{
    Unspecified = 0,
    Count = 1,
    Rate = 2,
    Gauge = 3,
}
