using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>prometheus_vm_memory_collector: <c>erlang:memory/0</c> and the ETS/DETS table counts.</summary>
internal static class MemoryMetrics
{
    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        var memory = TermAccess.Get(reply, "memory");
        double Value(string key) => TermAccess.TryNumber(TermAccess.Get(memory, key), out var v) ? v : double.NaN;

        var atom = Value("atom");
        var atomUsed = Value("atom_used");
        var atomBytes = ctx.Family(
            ctx.Name("erlang_vm_memory_atom_bytes_total", "erlang_vm_memory_atom_bytes"),
            MetricType.Gauge,
            "The total amount of memory currently allocated for atoms. This memory is part of the memory presented as system memory.");
        AddIf(atomBytes, ctx.Labels("usage", "used"), atomUsed);
        AddIf(atomBytes, ctx.Labels("usage", "free"), atom - atomUsed);

        var bytes = ctx.Family(
            ctx.Name("erlang_vm_memory_bytes_total", "erlang_vm_memory_bytes"),
            MetricType.Gauge,
            "The total amount of memory currently allocated. This is the same as the sum of the memory size for processes and system.");
        AddIf(bytes, ctx.Labels("kind", "system"), Value("system"));
        AddIf(bytes, ctx.Labels("kind", "processes"), Value("processes"));

        ctx.Single("erlang_vm_memory_dets_tables", MetricType.Gauge, "Erlang VM DETS Tables count.", TermAccess.Get(reply, "dets_tables"));
        ctx.Single("erlang_vm_memory_ets_tables", MetricType.Gauge, "Erlang VM ETS Tables count.", TermAccess.Get(reply, "ets_tables"));

        var processes = Value("processes");
        var processesUsed = Value("processes_used");
        var processBytes = ctx.Family(
            ctx.Name("erlang_vm_memory_processes_bytes_total", "erlang_vm_memory_processes_bytes"),
            MetricType.Gauge,
            "The total amount of memory currently allocated for the Erlang processes.");
        AddIf(processBytes, ctx.Labels("usage", "used"), processesUsed);
        AddIf(processBytes, ctx.Labels("usage", "free"), processes - processesUsed);

        var system = Value("system");
        var binary = Value("binary");
        var code = Value("code");
        var ets = Value("ets");
        var systemBytes = ctx.Family(
            ctx.Name("erlang_vm_memory_system_bytes_total", "erlang_vm_memory_system_bytes"),
            MetricType.Gauge,
            "The total amount of memory currently allocated for the emulator that is not directly related to any Erlang process. Memory presented as processes is not included in this memory.");
        AddIf(systemBytes, ctx.Labels("usage", "atom"), atom);
        AddIf(systemBytes, ctx.Labels("usage", "binary"), binary);
        AddIf(systemBytes, ctx.Labels("usage", "code"), code);
        AddIf(systemBytes, ctx.Labels("usage", "ets"), ets);
        AddIf(systemBytes, ctx.Labels("usage", "other"), system - atom - binary - code - ets);
    }

    // NaN marks a missing input (and propagates through the differences built from it).
    private static void AddIf(MetricFamilyBuilder family, LabelSet labels, double value)
    {
        if (!double.IsNaN(value))
        {
            family.Add(labels, value);
        }
    }
}
