using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>prometheus_vm_statistics_collector: raw <c>erlang:statistics/1</c> results under <c>statistics</c>.</summary>
internal static class StatisticsMetrics
{
    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        var stats = TermAccess.Get(reply, "statistics");
        var systemInfo = TermAccess.Get(reply, "system_info");

        // io => {{input, In}, {output, Out}}
        var io = TermAccess.Get(stats, "io");
        ctx.Single("erlang_vm_statistics_bytes_output_total", MetricType.Counter,
            "Total number of bytes output to ports.", TermAccess.Element(TermAccess.Element(io, 1), 1));
        ctx.Single("erlang_vm_statistics_bytes_received_total", MetricType.Counter,
            "Total number of bytes received through ports.", TermAccess.Element(TermAccess.Element(io, 0), 1));

        ctx.Single(ctx.Name("erlang_vm_statistics_context_switches", "erlang_vm_statistics_context_switches_total"),
            MetricType.Counter, "Total number of context switches since the system started.",
            TermAccess.Element(TermAccess.Get(stats, "context_switches"), 0));

        AppendDirtyRunQueues(TermAccess.Get(stats, "run_queue_lengths_all"), TermAccess.Get(systemInfo, "schedulers_online"), ctx);

        // garbage_collection => {NumberOfGCs, WordsReclaimed, 0}
        var gc = TermAccess.Get(stats, "garbage_collection");
        ctx.Single(ctx.Name("erlang_vm_statistics_garbage_collection_number_of_gcs", "erlang_vm_statistics_garbage_collection_number_of_gcs_total"),
            MetricType.Counter, "Garbage collection: number of GCs.", TermAccess.Element(gc, 0));
        if (TermAccess.TryNumber(TermAccess.Element(gc, 1), out var words)
            && TermAccess.TryNumber(TermAccess.Get(systemInfo, "wordsize"), out var wordSize))
        {
            ctx.Single(ctx.Name("erlang_vm_statistics_garbage_collection_bytes_reclaimed", "erlang_vm_statistics_garbage_collection_bytes_reclaimed_total"),
                MetricType.Counter, "Garbage collection: bytes reclaimed.", ErlangTerm.Float(words * wordSize));
        }

        ctx.Single(ctx.Name("erlang_vm_statistics_garbage_collection_words_reclaimed", "erlang_vm_statistics_garbage_collection_words_reclaimed_total"),
            MetricType.Counter, "Garbage collection: words reclaimed.", TermAccess.Element(gc, 1));

        ctx.Single("erlang_vm_statistics_reductions_total", MetricType.Counter, "Total reductions.",
            TermAccess.Element(TermAccess.Get(stats, "reductions"), 0));
        ctx.Single("erlang_vm_statistics_run_queues_length", MetricType.Gauge, "Length of normal run-queues.",
            TermAccess.Get(stats, "run_queue"));

        // prometheus.erl 6 renamed these to _seconds_total but still exports the milliseconds value;
        // we follow it so dashboards made for it read the same numbers (see METRICS.md).
        ctx.Single(ctx.Name("erlang_vm_statistics_runtime_milliseconds", "erlang_vm_statistics_runtime_seconds_total"),
            MetricType.Counter,
            "The sum of the runtime for all threads in the Erlang runtime system. Can be greater than wall clock time.",
            TermAccess.Element(TermAccess.Get(stats, "runtime"), 0));
        ctx.Single(ctx.Name("erlang_vm_statistics_wallclock_time_milliseconds", "erlang_vm_statistics_wallclock_time_seconds_total"),
            MetricType.Counter,
            ctx.Name(
                "Information about wall clock. Same as erlang_vm_statistics_runtime_milliseconds except that real time is measured.",
                "Information about wall clock. Same as erlang_vm_statistics_runtime_seconds except that real time is measured."),
            TermAccess.Element(TermAccess.Get(stats, "wall_clock"), 0));
    }

    // run_queue_lengths_all lists the normal run queues, then the dirty CPU and the dirty IO queue.
    // prometheus.erl reports the last two only when the list is longer than schedulers_online.
    private static void AppendDirtyRunQueues(ErlangTerm? lengths, ErlangTerm? schedulersOnline, BeamMappingContext ctx)
    {
        var queues = TermAccess.Items(lengths);
        if (queues.Length < 2 || !TermAccess.TryNumber(schedulersOnline, out var online) || queues.Length <= online)
        {
            return;
        }

        ctx.Single("erlang_vm_statistics_dirty_cpu_run_queue_length", MetricType.Gauge,
            "Length of the dirty CPU run-queue.", queues[^2]);
        ctx.Single("erlang_vm_statistics_dirty_io_run_queue_length", MetricType.Gauge,
            "Length of the dirty IO run-queue.", queues[^1]);
    }
}
