namespace Gateway.Saas.Datadog;

/// <summary>Sets a series' baseline once the point carrying the delta has been accepted.</summary>
public sealed record DatadogBaselineUpdate(Dictionary<DatadogSeriesKey, DatadogBaseline> Series, DatadogSeriesKey Key, DatadogBaseline Value)
{
    public void Apply() => Series[Key] = Value;
}
