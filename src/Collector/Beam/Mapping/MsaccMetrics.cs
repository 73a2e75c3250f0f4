using System.Globalization;
using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// prometheus_vm_msacc_collector's families, <c>erlang_vm_msacc_&lt;state&gt;_seconds_total{type, id}</c>,
/// from <c>msacc =&gt; [{Type, Id, #{State =&gt; Seconds}}]</c>. Present only while the node has
/// microstate accounting switched on; the extra states only on an emulator built with extra states.
/// </summary>
internal static class MsaccMetrics
{
    // prometheus.erl's order and help texts.
    private static readonly (string State, string Help)[] States =
    [
        ("aux", "Total time in seconds spent handling auxiliary jobs."),
        ("check_io", "Total time in seconds spent checking for new I/O events."),
        ("emulator", "Total time in seconds spent executing Erlang processes."),
        ("gc", "Total time in seconds spent doing garbage collection. When extra states are enabled this is the time spent doing non-fullsweep garbage collections."),
        ("other", "Total time in seconds spent doing unaccounted things."),
        ("port", "Total time in seconds spent executing ports."),
        ("sleep", "Total time in seconds spent sleeping."),
        ("alloc", "Total time in seconds spent managing memory. Without extra states this time is spread out over all other states."),
        ("bif", "Total time in seconds spent in BIFs. Without extra states this time is part of the 'emulator' state."),
        ("busy_wait", "Total time in seconds spent busy waiting. Without extra states this time is part of the 'other' state."),
        ("ets", "Total time in seconds spent executing ETS BIFs. Without extra states this time is part of the 'emulator' state."),
        ("gc_full", "Total time in seconds spent doing fullsweep garbage collection. Without extra states this time is part of the 'gc' state."),
        ("nif", "Total time in seconds spent in NIFs. Without extra states this time is part of the 'emulator' state."),
        ("send", "Total time in seconds spent sending messages (processes only). Without extra states this time is part of the 'emulator' state."),
        ("timers", "Total time in seconds spent managing timers. Without extra states this time is part of the 'other' state."),
    ];

    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        var threads = TermAccess.Items(TermAccess.Get(reply, "msacc"));
        if (threads.IsEmpty)
        {
            return;
        }

        foreach (var (state, help) in States)
        {
            var family = ctx.Family("erlang_vm_msacc_" + state + "_seconds_total", MetricType.Counter, help);
            foreach (var thread in threads)
            {
                if (thread is ErlangTuple { Arity: 3 } t
                    && TermAccess.TryText(t[0], out var type)
                    && t[1].TryGetLong(out var id)
                    && TermAccess.TryNumber(TermAccess.Get(t[2], state), out var seconds))
                {
                    family.Add(ctx.Labels("id", id.ToString(CultureInfo.InvariantCulture), "type", type), seconds);
                }
            }
        }
    }
}
