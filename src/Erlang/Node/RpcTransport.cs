namespace Gateway.Erlang.Node;

/// <summary>How <see cref="LocalNode.RpcAsync(string, string, string, IReadOnlyList{Terms.ErlangTerm}, TimeSpan, CancellationToken)"/> reaches the function.</summary>
public enum RpcTransport
{
    /// <summary>
    /// As <c>erpc:call</c> does on OTP 23+: a SPAWN_REQUEST for <c>erpc:execute_call/4</c> with a
    /// monitor, the result arriving as the process's exit reason. One process per call on the node and
    /// no detour through <c>rex</c>, but three messages per call (the peer always sends a spawn reply).
    /// Falls back to <see cref="Rex"/> for peers without DFLAG_SPAWN.
    /// </summary>
    Spawn,

    /// <summary>
    /// The classic <c>gen_server:call(rex, {call, M, F, A, user})</c> of <c>rpc:call</c> before OTP 23
    /// (without the per-call monitor gen_server adds): two messages per call. The default.
    /// </summary>
    Rex,
}
