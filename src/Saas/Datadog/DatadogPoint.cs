namespace Gateway.Saas.Datadog;

/// <summary>
/// One point of one series for <c>POST /api/v2/series</c>. <see cref="Commit"/>, for a count, is the
/// counter's new baseline, applied once the point is accepted (so a lost request's increase is in the next delta).
/// </summary>
public sealed record DatadogPoint(
    string Metric,
    DatadogMetricType Type,
    long? Interval,
    long Timestamp,
    double Value,
    string Host,
    IReadOnlyList<string> Tags,
    DatadogBaselineUpdate? Commit = null);
