namespace Gateway.Collector.Beam;

/// <summary>
/// Which release line of prometheus.erl the BEAM metric names follow, so dashboards made for that
/// line work unchanged. Only names differ; values, help texts and labels are the same.
/// </summary>
public enum BeamMetricNaming
{
    /// <summary>
    /// prometheus.erl 4.10 to 5.x (the default): gauges named <c>_total</c>
    /// (<c>erlang_vm_memory_bytes_total</c>), counters without it
    /// (<c>erlang_vm_statistics_context_switches</c>), <c>erlang_vm_process_count</c>.
    /// Most published BEAM dashboards use these names.
    /// </summary>
    PrometheusErlV4 = 0,

    /// <summary>
    /// prometheus.erl 6.x, promtool-compliant: gauges lose <c>_total</c> (<c>erlang_vm_memory_bytes</c>),
    /// counters gain it (<c>erlang_vm_statistics_context_switches_total</c>), <c>erlang_vm_processes</c>,
    /// <c>erlang_vm_ports</c>, <c>erlang_vm_atoms</c>, <c>erlang_vm_statistics_runtime_seconds_total</c>.
    /// </summary>
    PrometheusErlV6 = 1,
}
