using Gateway.Collector.Beam.Options;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Agentless;

/// <summary>
/// Builds the agent's reply term (METRICS.md, "Building the same term without the agent") from plain
/// BIF RPCs, all in flight at once, for <c>collect.beam.agent: false</c> or a node that cannot load the
/// agent. Allocators, microstate accounting, distribution links, mnesia and the Linux /proc figures
/// come from BIF and file RPCs reduced here as the agent reduces them (<see cref="AgentlessAllocators"/>,
/// <see cref="AgentlessMsacc"/>, <see cref="AgentlessDist"/>, <see cref="AgentlessMnesia"/>,
/// <see cref="AgentlessOsProcess"/>), each switched by the same <c>agentOptions</c> keys. Left out, as
/// they have no cheap BIF: message queues, SASL alarms, code checks. An item the node refuses (badarg on its release, <c>unknown</c>) is left out too.
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
    public static async Task<ErlangTerm> CollectAsync(LocalNode local, string node, TimeSpan timeout, CancellationToken cancellationToken, BeamAgentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        options ??= new BeamAgentOptions();
        Task<ErlangTerm> Call(string module, string function, params ErlangTerm[] args) =>
            local.RpcAsync(node, module, function, args, timeout, cancellationToken);
        Task<ErlangTerm> CallArgs(string module, string function, ErlangTerm[] args) => Call(module, function, args);

        // The memory call doubles as the reachability check: its failure is the scrape's failure.
        var memory = Call("erlang", "memory");
        var statistics = StatisticsItems.Select(i => Optional(Call("erlang", "statistics", ErlangAtom.Of(i)))).ToArray();
        var systemInfo = SystemInfoItems.Select(i => Optional(Call("erlang", "system_info", ErlangAtom.Of(i)))).ToArray();
        var otpRelease = Optional(Call("erlang", "system_info", ErlangAtom.Of("otp_release")));
        var ertsVersion = Optional(Call("erlang", "system_info", ErlangAtom.Of("version")));
        var registered = Optional(Call("erlang", "registered"));
        var loaded = Optional(Call("erlang", "loaded"));
        var applications = Optional(Call("application", "which_applications"));
        var allocators = options.Allocators ? AgentlessAllocators.CollectAsync(CallArgs) : Task.FromResult<ErlangTerm?>(null);
        var msacc = options.Msacc ? Optional(Call("erlang", "statistics", ErlangAtom.Of("microstate_accounting"))) : Task.FromResult<ErlangTerm?>(null);
        var perfPerSecond = options.Msacc
            ? Optional(Call("erlang", "convert_time_unit", ErlangInteger.Of(1), ErlangAtom.Of("second"), ErlangAtom.Of("perf_counter")))
            : Task.FromResult<ErlangTerm?>(null);
        var os = options.OsProcess ? OsProcessAsync(Call) : Task.FromResult<ErlangTerm?>(null);
        var dist = options.Dist ? AgentlessDist.CollectAsync(CallArgs) : Task.FromResult<ErlangTerm?>(null);
        var mnesia = options.Mnesia ? MnesiaAsync() : Task.FromResult<ErlangTerm?>(null);
        var dets = DetsTablesAsync();

        // As the agent: dets:all/0 only when the dets server already runs (it would otherwise start it).
        async Task<ErlangTerm?> DetsTablesAsync()
        {
            var server = await Optional(Call("erlang", "whereis", ErlangAtom.Of("dets")));
            if (server is ErlangAtom { Name: "undefined" })
            {
                return ErlangInteger.Of(0);
            }
            return server is ErlangPid && await Optional(Call("dets", "all")) is ErlangList tables ? ErlangInteger.Of(tables.Count) : null;
        }

        // Table memory is in words: the mnesia figures wait for the word size.
        async Task<ErlangTerm?> MnesiaAsync()
        {
            var wordSize = await systemInfo[Array.IndexOf(SystemInfoItems, "wordsize")];
            return await AgentlessMnesia.CollectAsync(CallArgs, wordSize is not null && wordSize.TryGetLong(out var w) ? w : null,
                (long)Math.Ceiling(options.CallTimeout.TotalMilliseconds));
        }

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
        if (await allocators is { } allocatorRows)
        {
            pairs.Add((ErlangAtom.Of("allocators"), allocatorRows));
        }
        if (AgentlessMsacc.Convert(await msacc, await perfPerSecond) is { } threads)
        {
            pairs.Add((ErlangAtom.Of("msacc"), threads));
        }
        if (await os is { } osProcess)
        {
            pairs.Add((ErlangAtom.Of("os_process"), osProcess));
        }
        if (await dist is { } links)
        {
            pairs.Add((ErlangAtom.Of("dist"), links));
        }
        if (await mnesia is { } mnesiaInfo)
        {
            pairs.Add((ErlangAtom.Of("mnesia"), mnesiaInfo));
        }
        if (await dets is { } detsTables)
        {
            pairs.Add((ErlangAtom.Of("dets_tables"), detsTables));
        }
        return ErlangMap.Of([.. pairs]);
    }

    private static async Task<ErlangTerm?> OsProcessAsync(Func<string, string, ErlangTerm[], Task<ErlangTerm>> call)
    {
        var osType = await Optional(call("os", "type", []));
        if (osType is not ErlangTuple { Arity: 2 } type || !type[1].IsAtom("linux"))
        {
            return null;
        }
        static ErlangTerm Path(string path) => ErlangList.FromText(path);
        var stat = Optional(call("file", "read_file", [Path("/proc/self/stat")]));
        var status = Optional(call("file", "read_file", [Path("/proc/self/status")]));
        var limits = Optional(call("file", "read_file", [Path("/proc/self/limits")]));
        var procStat = Optional(call("file", "read_file", [Path("/proc/stat")]));
        var fds = Optional(call("file", "list_dir", [Path("/proc/self/fd")]));
        var now = Optional(call("os", "system_time", [ErlangAtom.Of("millisecond")]));
        return AgentlessOsProcess.Build(osType, await stat, await status, await limits, await procStat, await fds, await now);
    }

    // Unlike AgentlessRpc.Optional, any failure: the required memory call carries the real one.
    private static async Task<ErlangTerm?> Optional(Task<ErlangTerm> call)
    {
        try
        {
            return await call;
        }
#pragma warning disable CA1031 // The required call above carries the real failure; an optional item that fails with it is just absent.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
