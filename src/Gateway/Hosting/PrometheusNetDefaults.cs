using Prometheus;

namespace Gateway.Hosting;

/// <summary>
/// prometheus-net publishes .NET event counters and meters by default under names that
/// <c>promtool check metrics</c> flags (<c>…_count</c> gauges, <c>…_total</c> gauges). The gateway's
/// own process and runtime metrics are rendered by the Prometheus exporter instead, so those adapters
/// are turned off once per process, before the default registry is first used.
/// </summary>
internal static class PrometheusNetDefaults
{
    private static int _applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 0)
        {
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
            {
                SuppressEventCounters = true,
                SuppressMeters = true,
                SuppressDebugMetrics = true,
            });
        }
    }
}
