using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam;

/// <summary>
/// Builds the agent's reply term (METRICS.md, "Building the same term without the agent") from plain
/// BIF RPCs, all in flight at once, for <c>collect.beam.agent: false</c> or a node that cannot load the
/// agent. Leaves out what has no cheap BIF: message queues, allocators, dist links, microstate accounting, /proc, mnesia,
/// alarms, DETS. An item the node refuses (badarg on its release, <c>unknown</c>) is left out too.
/// </summary>
public static class BeamAgentlessCollector
{
    private static readonly string[] StatisticsItems =
        ["io", "context_switches", "garbage_collection", "reductions", "run_queue", "runtime", "wall_clock", "run_queue_lengths_all"];

    private static readonly string[] SystemInfoItems =
    [
        "dirty_cpu_schedulers", "dirty_cpu_schedulers_online", "dirty_io_schedulers", "ets_limit",
        "logical_processors", "logical_processors_available", "logical_processors_online", "port_count",
        "port_limit", "process_count", "process_limit", "schedulers", "schedulers_online", "smp_support",
        "threads", "thread_pool_size", "time_correction", "wordsize", "atom_count", "atom_limit", "ets_count",
    ];

    /// <summary>The reply map; throws what <see cref="LocalNode.RpcAsync(string, string, string, IReadOnlyList{ErlangTerm}, TimeSpan, CancellationToken)"/> throws when the node is unreachable.</summary>
    public static async Task<ErlangTerm> CollectAsync(LocalNode local, string node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(local);
        Task<ErlangTerm> Call(string module, string function, params ErlangTerm[] args) =>
            local.RpcAsync(node, module, function, args, timeout, cancellationToken);

        // The memory call doubles as the reachability check: its failure is the scrape's failure.
        var memory = Call("erlang", "memory");
        var statistics = StatisticsItems.Select(i => Optional(Call("erlang", "statistics", ErlangAtom.Of(i)))).ToArray();
        var systemInfo = SystemInfoItems.Select(i => Optional(Call("erlang", "system_info", ErlangAtom.Of(i)))).ToArray();
        var otpRelease = Optional(Call("erlang", "system_info", ErlangAtom.Of("otp_release")));
        var ertsVersion = Optional(Call("erlang", "system_info", ErlangAtom.Of("version")));
        var registered = Optional(Call("erlang", "registered"));
        var loaded = Optional(Call("erlang", "loaded"));
        var applications = Optional(Call("application", "which_applications"));

        var memoryTerm = await memory;
        var pairs = new List<(ErlangTerm, ErlangTerm)>
        {
            (ErlangAtom.Of("node"), ErlangAtom.Of(node)),
            (ErlangAtom.Of("memory"), memoryTerm),
        };

        var statisticsPairs = new List<(ErlangTerm, ErlangTerm)>();
        for (var i = 0; i < StatisticsItems.Length; i++)
        {
            if (await statistics[i] is { } value)
            {
                statisticsPairs.Add((ErlangAtom.Of(StatisticsItems[i]), value));
                if (StatisticsItems[i] == "wall_clock" && value is ErlangTuple { Arity: 2 } wall)
                {
                    pairs.Add((ErlangAtom.Of("uptime_ms"), wall[0]));
                }
            }
        }
        pairs.Add((ErlangAtom.Of("statistics"), ErlangMap.Of([.. statisticsPairs])));

        var infoPairs = new List<(ErlangTerm, ErlangTerm)>();
        for (var i = 0; i < SystemInfoItems.Length; i++)
        {
            if (await systemInfo[i] is { } value && !value.IsAtom("unknown"))
            {
                infoPairs.Add((ErlangAtom.Of(SystemInfoItems[i]), value));
                if (SystemInfoItems[i] == "ets_count")
                {
                    pairs.Add((ErlangAtom.Of("ets_tables"), value));
                }
            }
        }
        pairs.Add((ErlangAtom.Of("system_info"), ErlangMap.Of([.. infoPairs])));

        if (await otpRelease is { } release)
        {
            pairs.Add((ErlangAtom.Of("otp_release"), release));
        }
        if (await ertsVersion is { } version)
        {
            pairs.Add((ErlangAtom.Of("erts_version"), version));
        }
        if (await registered is ErlangList names)
        {
            pairs.Add((ErlangAtom.Of("registered"), ErlangInteger.Of(names.Count)));
        }
        if (await loaded is ErlangList modules)
        {
            pairs.Add((ErlangAtom.Of("modules"), ErlangInteger.Of(modules.Count)));
        }
        if (await applications is ErlangList apps)
        {
            // which_applications gives {App, Description, Vsn}; the reply carries {App, Vsn}.
            var list = apps.OfType<ErlangTuple>().Where(t => t.Arity == 3).Select(t => (ErlangTerm)new ErlangTuple(t[0], t[2])).ToArray();
            pairs.Add((ErlangAtom.Of("applications"), ErlangList.Of(list)));
        }
        return ErlangMap.Of([.. pairs]);
    }

    private static async Task<ErlangTerm?> Optional(Task<ErlangTerm> call)
    {
        try
        {
            return await call;
        }
        catch (ErlangRpcException)
        {
            return null;
        }
#pragma warning disable CA1031 // The required call above carries the real failure; an optional item that fails with it is just absent.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
