using Gateway.Core.Metrics;

namespace Gateway.Saas.Datadog;

/// <summary>The key of a cumulative series of one node: its name and labels.</summary>
public readonly record struct DatadogSeriesKey(string Name, LabelSet Labels);
