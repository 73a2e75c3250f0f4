using System.Collections.Concurrent;
using Gateway.Collector.Beam.Agent;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam;

/// <summary>
/// Makes sure a node runs the current agent: asks <c>gateway_agent:version()</c>; when it is missing or
/// older, compiles <see cref="GatewayAgentSource.Text"/> on the node with three plain RPCs (erl_scan,
/// erl_parse, erl_eval of <see cref="GatewayAgentSource.CompileExpression"/>) and loads it with
/// <c>code:soft_purge</c> + <c>code:load_binary</c>. The compiled beam is kept per OTP release, so a
/// node without the <c>compiler</c> application gets the beam another node of its release compiled.
/// </summary>
internal sealed class BeamAgentLoader
{
    private static readonly ErlangAtom Module = ErlangAtom.Of(GatewayAgentSource.ModuleName);
    private readonly ConcurrentDictionary<string, ErlangTerm> beamsByRelease = new(StringComparer.Ordinal);
    private readonly Lazy<ErlangTerm> source = new(() => ErlangBinary.FromString(GatewayAgentSource.Text));
    private readonly ErlangTerm? precompiled;

    /// <param name="usePrecompiled">Load <see cref="GatewayAgentSource.PrecompiledBeam"/> on nodes without the compiler application.</param>
    public BeamAgentLoader(bool usePrecompiled = true)
    {
        precompiled = usePrecompiled ? new ErlangBinary(GatewayAgentSource.PrecompiledBeam) : null;
    }

    /// <summary>How many OTP releases have a compiled beam at hand (grows when a node compiled one).</summary>
    public int CompiledReleases => beamsByRelease.Count;

    /// <summary>The version loaded on the node, or 0 when it has none.</summary>
    public static async Task<long> LoadedVersionAsync(LocalNode local, string node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await local.RpcAsync(node, GatewayAgentSource.ModuleName, "version", [], timeout, cancellationToken);
            return reply.TryGetLong(out var version) ? version : 0;
        }
        catch (ErlangRpcException e) when (IsUndef(e.Reason))
        {
            return 0;
        }
    }

    /// <summary>
    /// Takes the module off the node: <c>code:purge</c>, <c>code:delete</c>, <c>code:purge</c> (old code
    /// of processes still running it is killed by purge, as for any module unload).
    /// </summary>
    public static async Task UnloadAsync(LocalNode local, string node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await local.RpcAsync(node, "code", "purge", [Module], timeout, cancellationToken);
        await local.RpcAsync(node, "code", "delete", [Module], timeout, cancellationToken);
        await local.RpcAsync(node, "code", "purge", [Module], timeout, cancellationToken);
    }

    /// <summary>
    /// Loads the current agent. Returns null when loaded, or why the agent cannot run on this node
    /// (no compiler, no beam of its release at hand, and the shipped OTP 25 beam off or not loading). Throws <see cref="BeamAgentException"/> when
    /// compiling or loading failed.
    /// </summary>
    public async Task<string?> LoadAsync(LocalNode local, string node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var releaseTerm = await local.RpcAsync(node, "erlang", "system_info", [ErlangAtom.Of("otp_release")], timeout, cancellationToken);
        var release = releaseTerm.TryGetString(out var r) ? r : releaseTerm.ToString();
        if (!beamsByRelease.TryGetValue(release, out var beam))
        {
            var compiled = await CompileOnNodeAsync(local, node, timeout, cancellationToken);
            if (compiled is null)
            {
                return await LoadPrecompiledAsync(local, node, release, timeout, cancellationToken);
            }
            beam = compiled;
        }

        var failure = await LoadBinaryAsync(local, node, beam, timeout, cancellationToken);
        if (failure is not null)
        {
            throw new BeamAgentException(failure);
        }
        beamsByRelease.TryAdd(release, beam);
        return null;
    }

    // A node without the compiler: the beam OTP 25 compiled, when allowed and the node is not older.
    // It is not kept as this release's beam: a node of the release that can compile builds its own.
    private async Task<string?> LoadPrecompiledAsync(LocalNode local, string node, string release, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reason = $"unavailable: node {node} has no compiler application and no other node of OTP {release} compiled the agent yet";
        if (precompiled is null)
        {
            return reason + " (agentOptions.precompiled is off)";
        }
        if (!int.TryParse(release, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major)
            || major < int.Parse(GatewayAgentSource.PrecompiledRelease, System.Globalization.CultureInfo.InvariantCulture))
        {
            return reason + $" (the shipped beam needs OTP {GatewayAgentSource.PrecompiledRelease} or later)";
        }
        var failure = await LoadBinaryAsync(local, node, precompiled, timeout, cancellationToken);
        return failure is null ? null : $"{reason} (the shipped OTP {GatewayAgentSource.PrecompiledRelease} beam: {failure})";
    }

    // soft_purge, then load_binary; null when loaded, else why not.
    private static async Task<string?> LoadBinaryAsync(LocalNode local, string node, ErlangTerm beam, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var purged = await local.RpcAsync(node, "code", "soft_purge", [Module], timeout, cancellationToken);
        if (purged.IsAtom("false"))
        {
            return $"cannot replace gateway_agent on {node}: a process still runs its old code (retrying next cycle)";
        }
        var loaded = await local.RpcAsync(node, "code", "load_binary",
            [Module, ErlangList.FromText(GatewayAgentSource.FileName), beam], timeout, cancellationToken);
        return loaded is ErlangTuple { Arity: 2 } ok && ok[0].IsAtom("module")
            ? null
            : $"code:load_binary of gateway_agent failed on {node}: {Short(loaded)}";
    }

    private async Task<ErlangTerm?> CompileOnNodeAsync(LocalNode local, string node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var scanned = await local.RpcAsync(node, "erl_scan", "string", [ErlangList.FromText(GatewayAgentSource.CompileExpression + ".")], timeout, cancellationToken);
        if (scanned is not ErlangTuple { Arity: 3 } tokens || !tokens[0].IsAtom("ok"))
        {
            throw new BeamAgentException($"erl_scan of the compile expression failed on {node}: {Short(scanned)}");
        }
        var parsed = await local.RpcAsync(node, "erl_parse", "parse_exprs", [tokens[1]], timeout, cancellationToken);
        if (parsed is not ErlangTuple { Arity: 2 } exprs || !exprs[0].IsAtom("ok"))
        {
            throw new BeamAgentException($"erl_parse of the compile expression failed on {node}: {Short(parsed)}");
        }
        ErlangTerm evaluated;
        try
        {
            var bindings = ErlangList.Of(new ErlangTuple(ErlangAtom.Of("Source"), source.Value));
            evaluated = await local.RpcAsync(node, "erl_eval", "exprs", [exprs[1], bindings], timeout, cancellationToken);
        }
        catch (ErlangRpcException e) when (IsUndef(e.Reason))
        {
            return null; // compile:forms/2 is undefined: the node runs without the compiler application
        }
        if (evaluated is not ErlangTuple { Arity: 3 } value || !value[0].IsAtom("value")
            || value[1] is not ErlangTuple { Arity: 4 } result || !result[0].IsAtom("ok"))
        {
            throw new BeamAgentException($"compiling gateway_agent failed on {node}: {Short(evaluated)}");
        }
        return result[2];
    }

    // {'EXIT', {undef, _}} as rpc:call reports a call of a missing module or function.
    private static bool IsUndef(ErlangTerm reason) =>
        reason is ErlangTuple { Arity: 2 } exit && exit[0].IsAtom("EXIT")
        && exit[1] is ErlangTuple { Arity: 2 } inner && inner[0].IsAtom("undef");

    private static string Short(ErlangTerm term)
    {
        var text = term.ToString();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
