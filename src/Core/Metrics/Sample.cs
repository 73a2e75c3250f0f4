namespace Gateway.Core.Metrics;

/// <summary>
/// One sample of a family. <see cref="Name"/> is the full series name as exposed
/// (<c>x_bucket</c>, <c>x_sum</c>, <c>x_count</c>, <c>x_total</c> …); <see cref="TimestampMs"/> is the
/// optional exposition timestamp in Unix milliseconds.
/// </summary>
public readonly record struct Sample(string Name, LabelSet Labels, double Value, long? TimestampMs = null);
