using Gateway.Collector.Beam.Options;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam;

/// <summary>The option maps passed to <c>gateway_agent:collect/1</c> and <c>install/2</c> (see gateway_agent.erl).</summary>
public static class BeamAgentTerms
{
    /// <summary><c>#{max_processes, top_n, allocators, dist, os_process, mnesia, msacc, code, call_timeout}</c>.</summary>
    public static ErlangMap CollectOptions(BeamAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ErlangMap.Of(
            (ErlangAtom.Of("max_processes"), ErlangTerm.Integer(options.MaxProcesses)),
            (ErlangAtom.Of("top_n"), ErlangTerm.Integer(options.TopN)),
            (ErlangAtom.Of("allocators"), Boolean(options.Allocators)),
            (ErlangAtom.Of("dist"), Boolean(options.Dist)),
            (ErlangAtom.Of("os_process"), Boolean(options.OsProcess)),
            (ErlangAtom.Of("mnesia"), Boolean(options.Mnesia)),
            (ErlangAtom.Of("msacc"), Boolean(options.Msacc)),
            (ErlangAtom.Of("code"), Boolean(options.Code)),
            (ErlangAtom.Of("call_timeout"), CallTimeout(options)));
    }

    private static ErlangInteger CallTimeout(BeamAgentOptions options) =>
        ErlangTerm.Integer((long)Math.Ceiling(options.CallTimeout.TotalMilliseconds));

    /// <summary><c>#{level, max_per_second, max_bytes, call_timeout}</c> (agents before v4 ignore <c>call_timeout</c>).</summary>
    public static ErlangMap InstallOptions(string level, BeamAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ErlangMap.Of(
            (ErlangAtom.Of("level"), ErlangAtom.Of(level)),
            (ErlangAtom.Of("max_per_second"), ErlangTerm.Integer(options.LogsPerSecond)),
            (ErlangAtom.Of("max_bytes"), ErlangTerm.Integer(options.LogMaxBytes)),
            (ErlangAtom.Of("call_timeout"), CallTimeout(options)));
    }

    /// <summary>True unless the reply says the agent's logger handler is not installed (<c>forwarding => #{installed => false}</c>).</summary>
    public static bool ForwarderInstalled(ErlangTerm reply) =>
        reply is not ErlangMap map
        || !map.TryGetValue("forwarding", out var forwarding)
        || forwarding is not ErlangMap status
        || !status.TryGetValue("installed", out var installed)
        || !installed.IsAtom("false");

    private static ErlangAtom Boolean(bool value) => ErlangAtom.Of(value ? "true" : "false");
}
