using Gateway.Core.Metrics;

namespace Gateway.Collector.PrometheusText;

/// <summary>The identity of a series: name and label set (interned, so equality is cheap).</summary>
internal readonly record struct SeriesKey(string Name, LabelSet Labels);
