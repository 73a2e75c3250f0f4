namespace Gateway.IntegrationTests.Peers;

/// <summary>Reads an exporter's self-metrics from the gateway's exposition (whatever other labels the series carry).</summary>
public static class ExporterMetrics
{
    /// <summary>Whether <c>gateway_exporter_up{exporter="name",…}</c> has <paramref name="value"/>.</summary>
    public static bool IsUp(string exposition, string exporter, int value = 1) =>
        exposition.Split('\n').Any(l => l.StartsWith("gateway_exporter_up{", StringComparison.Ordinal)
            && l.Contains($"exporter=\"{exporter}\"", StringComparison.Ordinal)
            && l.EndsWith($" {value}", StringComparison.Ordinal));
}
