using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// With the v4 naming, the names prometheus.erl used before 4.10 as well: many published dashboards
/// (and RabbitMQ's Erlang panels) still query <c>erlang_vm_statistics_run_queues_length_total</c>,
/// <c>erlang_vm_ets_tables</c> and <c>erlang_vm_dets_tables</c>, so the same values are exposed under
/// both names. The v6 naming has no such aliases.
/// </summary>
internal static class LegacyNameMetrics
{
    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        if (ctx.Name("v4", "v6") != "v4")
        {
            return;
        }
        ctx.Single("erlang_vm_statistics_run_queues_length_total", MetricType.Gauge, "Total length of the run-queues",
            TermAccess.Get(TermAccess.Get(reply, "statistics"), "run_queue"));
        ctx.Single("erlang_vm_ets_tables", MetricType.Gauge, "Erlang VM ETS Tables count", TermAccess.Get(reply, "ets_tables"));
        ctx.Single("erlang_vm_dets_tables", MetricType.Gauge, "Erlang VM DETS Tables count", TermAccess.Get(reply, "dets_tables"));
    }
}
