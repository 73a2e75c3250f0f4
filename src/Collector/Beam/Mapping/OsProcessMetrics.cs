using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// prometheus_process_collector's names, from the node's <c>/proc/self</c> (Linux) under
/// <c>os_process</c>. Its getrusage-only figures (swaps, disk reads/writes, signals) have no /proc
/// source and are not reported.
/// </summary>
internal static class OsProcessMetrics
{
    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        var p = TermAccess.Get(reply, "os_process");
        if (p is not ErlangMap)
        {
            return;
        }

        ctx.Single("process_open_fds", MetricType.Gauge, "Number of open file descriptors.", TermAccess.Get(p, "open_fds"));
        ctx.Single("process_max_fds", MetricType.Gauge, "Maximum number of open file descriptors.", TermAccess.Get(p, "max_fds"));
        ctx.Single("process_start_time_seconds", MetricType.Gauge, "Start time of the process since unix epoch in seconds.",
            TermAccess.Get(p, "start_time_seconds"));
        ctx.Single("process_uptime_seconds", MetricType.Counter, "Process uptime in seconds.", TermAccess.Get(p, "uptime_seconds"));
        ctx.Single("process_threads_total", MetricType.Gauge, "Process Threads count.", TermAccess.Get(p, "threads"));
        ctx.Single("process_virtual_memory_bytes", MetricType.Gauge, "Virtual memory size in bytes.",
            TermAccess.Get(p, "virtual_memory_bytes"));
        ctx.Single("process_resident_memory_bytes", MetricType.Gauge, "Resident memory size in bytes.",
            TermAccess.Get(p, "resident_memory_bytes"));

        var cpu = ctx.Family("process_cpu_seconds_total", MetricType.Counter, "Process CPU seconds total.");
        if (TermAccess.TryNumber(TermAccess.Get(p, "utime_seconds"), out var utime))
        {
            cpu.Add(ctx.Labels("kind", "utime"), utime);
        }

        if (TermAccess.TryNumber(TermAccess.Get(p, "stime_seconds"), out var stime))
        {
            cpu.Add(ctx.Labels("kind", "stime"), stime);
        }

        ctx.Single("process_max_resident_memory_bytes", MetricType.Gauge, "Maximum resident set size used.",
            TermAccess.Get(p, "max_resident_memory_bytes"));
        // "faules" is prometheus_process_collector's spelling; dashboards match on the name, not the help.
        ctx.Single("process_noio_pagefaults_total", MetricType.Counter, "Number of page faules serviced without any I/O activity.",
            TermAccess.Get(p, "minor_page_faults"));
        ctx.Single("process_io_pagefaults_total", MetricType.Counter, "Number of page faults serviced that required I/O activity.",
            TermAccess.Get(p, "major_page_faults"));
        ctx.Single("process_voluntary_context_switches_total", MetricType.Counter,
            "Number of times a context switch resulted due to a process voluntarily giving up the processor.",
            TermAccess.Get(p, "voluntary_context_switches"));
        ctx.Single("process_involuntary_context_switches_total", MetricType.Counter,
            "Number of times a context switch resulted due to a higher priority process becoming runnable or because the current process exceeded its time slice.",
            TermAccess.Get(p, "involuntary_context_switches"));
    }
}
