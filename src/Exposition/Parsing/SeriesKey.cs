namespace Gateway.Exposition;

/// <summary>The identity of a series: name and label set (interned, so equality is cheap).</summary>
internal readonly record struct SeriesKey<TLabels>(string Name, TLabels Labels);
