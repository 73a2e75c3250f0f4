using System.Globalization;
using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>prometheus_vm_system_info_collector: raw <c>erlang:system_info/1</c> values under <c>system_info</c>, and allocators.</summary>
internal static class SystemInfoMetrics
{
    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        var info = TermAccess.Get(reply, "system_info");
        void Gauge(string item, string name, string help) =>
            ctx.Single(name, MetricType.Gauge, help, TermAccess.Get(info, item));

        Gauge("dirty_cpu_schedulers", "erlang_vm_dirty_cpu_schedulers",
            "The number of scheduler dirty CPU scheduler threads used by the emulator.");
        Gauge("dirty_cpu_schedulers_online", "erlang_vm_dirty_cpu_schedulers_online",
            "The number of dirty CPU scheduler threads online.");
        Gauge("dirty_io_schedulers", "erlang_vm_dirty_io_schedulers",
            "The number of scheduler dirty I/O scheduler threads used by the emulator.");
        Gauge("ets_limit", "erlang_vm_ets_limit", "The maximum number of ETS tables allowed.");
        Gauge("logical_processors", "erlang_vm_logical_processors",
            "The detected number of logical processors configured in the system.");
        Gauge("logical_processors_available", "erlang_vm_logical_processors_available",
            "The detected number of logical processors available to the Erlang runtime system.");
        Gauge("logical_processors_online", "erlang_vm_logical_processors_online",
            "The detected number of logical processors online on the system.");
        Gauge("port_count", ctx.Name("erlang_vm_port_count", "erlang_vm_ports"),
            "The number of ports currently existing at the local node.");
        Gauge("port_limit", "erlang_vm_port_limit",
            "The maximum number of simultaneously existing ports at the local node.");
        Gauge("process_count", ctx.Name("erlang_vm_process_count", "erlang_vm_processes"),
            "The number of processes currently existing at the local node.");
        Gauge("process_limit", "erlang_vm_process_limit",
            "The maximum number of simultaneously existing processes at the local node.");
        Gauge("schedulers", "erlang_vm_schedulers", "The number of scheduler threads used by the emulator.");
        Gauge("schedulers_online", "erlang_vm_schedulers_online", "The number of schedulers online.");
        ctx.Boolean("erlang_vm_smp_support", "1 if the emulator has been compiled with SMP support, otherwise 0.",
            TermAccess.Get(info, "smp_support"));
        ctx.Boolean("erlang_vm_threads", "1 if the emulator has been compiled with thread support, otherwise 0.",
            TermAccess.Get(info, "threads"));
        Gauge("thread_pool_size", "erlang_vm_thread_pool_size",
            "The number of async threads in the async thread pool used for asynchronous driver calls.");
        ctx.Boolean("erlang_vm_time_correction", "1 if time correction is enabled, otherwise 0.",
            TermAccess.Get(info, "time_correction"));
        Gauge("wordsize", "erlang_vm_wordsize_bytes", "The size of Erlang term words in bytes.");
        Gauge("atom_count", ctx.Name("erlang_vm_atom_count", "erlang_vm_atoms"),
            "The number of atom currently existing at the local node.");
        Gauge("atom_limit", "erlang_vm_atom_limit",
            "The maximum number of simultaneously existing atom at the local node.");

        AppendAllocators(TermAccess.Get(reply, "allocators"), ctx);
    }

    // Allocator instance numbers (0 … schedulers): formatted once, not per sample per cycle.
    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 256).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    // allocators => [{Alloc, InstanceNo, Kind, Carriers, CarriersSize, Blocks, BlocksSize}]
    private static void AppendAllocators(ErlangTerm? allocators, BeamMappingContext ctx)
    {
        var family = ctx.Family("erlang_vm_allocators", MetricType.Gauge,
            "Allocated (carriers_size) and used (blocks_size) memory for the different allocators in the VM. See erts_alloc(3).");
        foreach (var item in TermAccess.Items(allocators))
        {
            if (item is not ErlangTuple { Arity: 7 } t
                || !TermAccess.TryText(t[0], out var alloc)
                || !t[1].TryGetLong(out var instance)
                || !TermAccess.TryText(t[2], out var kind))
            {
                continue;
            }

            var instanceNo = instance is >= 0 and < 256 ? SmallNumbers[instance] : instance.ToString(CultureInfo.InvariantCulture);
            AddUsage(family, ctx, alloc, instanceNo, kind, "carriers", t[3]);
            AddUsage(family, ctx, alloc, instanceNo, kind, "carriers_size", t[4]);
            AddUsage(family, ctx, alloc, instanceNo, kind, "blocks", t[5]);
            AddUsage(family, ctx, alloc, instanceNo, kind, "blocks_size", t[6]);
        }
    }

    private static void AddUsage(MetricFamilyBuilder family, BeamMappingContext ctx, string alloc, string instanceNo, string kind, string usage, ErlangTerm value)
    {
        if (TermAccess.TryNumber(value, out var number))
        {
            family.Add(ctx.Labels(new Label("alloc", alloc), new Label("instance_no", instanceNo), new Label("kind", kind), new Label("usage", usage)), number);
        }
    }
}
