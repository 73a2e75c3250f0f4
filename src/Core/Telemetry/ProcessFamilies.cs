using System.Diagnostics;
using Gateway.Core.Metrics;

namespace Gateway.Core.Telemetry;

/// <summary>
/// The gateway's own process and runtime metrics, under the names the Prometheus client libraries
/// (and prometheus_process_collector on BEAM nodes) use: <c>process_cpu_seconds_total</c>,
/// <c>process_start_time_seconds</c>, <c>process_resident_memory_bytes</c>,
/// <c>process_virtual_memory_bytes</c>, <c>process_open_fds</c>, <c>dotnet_collection_count_total{generation}</c>,
/// <c>dotnet_total_memory_bytes</c>, without <c>instance</c>/<c>job</c> (the exporter adds the gateway's).
/// They are families rather than <see cref="SelfMetrics"/> instruments because nodes expose the same
/// names: the exporter merges them by name with the nodes' <c>process_*</c> series, where
/// prometheus-net's process collector (streamed after the nodes' families) would declare those
/// families a second time whenever a node has them.
/// </summary>
public static class ProcessFamilies
{
    private static readonly LabelSet[] Generations = Enumerable.Range(0, GC.MaxGeneration + 1)
        // The IEnumerable overload on purpose: LabelSet.Create(params ReadOnlySpan<Label>) recurses into itself.
        .Select(g => LabelSet.Create((IEnumerable<Label>)[new Label("generation", g.ToString(System.Globalization.CultureInfo.InvariantCulture))]))
        .ToArray();

    public static IReadOnlyList<MetricFamily> Collect()
    {
        using var process = Process.GetCurrentProcess();
        var start = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        var collections = new Sample[Generations.Length];
        for (var g = 0; g < collections.Length; g++)
        {
            collections[g] = new Sample("dotnet_collection_count_total", Generations[g], GC.CollectionCount(g));
        }
        return
        [
            Single("process_cpu_seconds_total", MetricType.Counter, "Total user and system CPU time spent in seconds.", process.TotalProcessorTime.TotalSeconds, "seconds"),
            Single("process_start_time_seconds", MetricType.Gauge, "Start time of the process since unix epoch in seconds.", start.ToUnixTimeMilliseconds() / 1000.0, "seconds"),
            Single("process_resident_memory_bytes", MetricType.Gauge, "Resident memory size in bytes.", process.WorkingSet64, "bytes"),
            Single("process_virtual_memory_bytes", MetricType.Gauge, "Virtual memory size in bytes.", process.VirtualMemorySize64, "bytes"),
            Single("process_open_fds", MetricType.Gauge, "Number of open file descriptors.", process.HandleCount, string.Empty),
            new MetricFamily("dotnet_collection_count_total", MetricType.Counter, "GC collection count.", collections),
            Single("dotnet_total_memory_bytes", MetricType.Gauge, "Total known allocated memory.", GC.GetTotalMemory(false), "bytes"),
        ];
    }

    private static MetricFamily Single(string name, MetricType type, string help, double value, string unit) =>
        new(name, type, help, unit, [new Sample(name, LabelSet.Empty, value)]);
}
