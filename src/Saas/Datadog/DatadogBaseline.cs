namespace Gateway.Saas.Datadog;

/// <summary>A cumulative series' value and when it was seen: what the next count delta is taken from.</summary>
public readonly record struct DatadogBaseline(double Value, DateTimeOffset Time);
