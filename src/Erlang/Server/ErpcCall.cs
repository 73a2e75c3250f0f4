using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Server;

/// <summary>
/// A SPAWN_REQUEST for <c>erpc:execute_call(Ref, M, F, A)</c>, which is how <c>erpc:call</c> (and so
/// <c>rpc:call</c> from OTP 23 on) runs a call: the spawned process exits with <c>{Ref, return, Value}</c>
/// (or <c>{Ref, error, Reason, Stack}</c>) and the caller's monitor delivers that reason.
/// </summary>
/// <param name="Ref">The caller's reference, echoed in the exit reason.</param>
/// <param name="Call">The function to call.</param>
/// <param name="Monitor">Whether the caller asked for a monitor (erpc always does).</param>
public sealed record ErpcCall(ErlangTerm Ref, RexCall Call, bool Monitor)
{
    /// <summary>SPAWN_REPLY flag: the requested monitor is in place.</summary>
    public const int MonitorFlag = 2;

    /// <summary>SPAWN_REPLY result for entry points we do not serve.</summary>
    public static readonly ErlangAtom NotSupported = ErlangAtom.Of("notsup");

    private static readonly ErlangAtom Erpc = ErlangAtom.Of("erpc");
    private static readonly ErlangAtom ExecuteCall = ErlangAtom.Of("execute_call");
    private static readonly ErlangAtom MonitorAtom = ErlangAtom.Of("monitor");
    private static readonly ErlangAtom BadRpc = ErlangAtom.Of("badrpc");
    private static readonly ErlangAtom Exit = ErlangAtom.Of("EXIT");
    private static readonly ErlangAtom Return = ErlangAtom.Of("return");
    private static readonly ErlangAtom Error = ErlangAtom.Of("error");

    /// <summary>Recognizes a spawn request for <c>erpc:execute_call/4</c> with atoms for M and F and a proper argument list.</summary>
    public static bool TryParse(ControlMessage request, out ErpcCall call)
    {
        ArgumentNullException.ThrowIfNull(request);
        call = null!;
        if (request.Entry is ErlangTuple { Arity: 3 } entry && entry[0] == Erpc && entry[1] == ExecuteCall
            && request.Message is ErlangList { Count: 4, IsProper: true } args
            && args[1] is ErlangAtom module && args[2] is ErlangAtom function && args[3] is ErlangList { IsProper: true } arguments)
        {
            var monitor = request.Options is ErlangList options
                && options.Any(o => o == MonitorAtom || (o is ErlangTuple { Arity: 2 } t && t[0] == MonitorAtom));
            call = new ErpcCall(args[0], new RexCall(module, function, arguments), monitor);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The spawned process's exit reason for a handler's reply. Handlers answer in <c>rpc:call</c>'s
    /// terms, so <c>{badrpc, {'EXIT', {Reason, Stack}}}</c> becomes the error <c>erpc:execute_call</c>
    /// would have caught, which the calling node's rpc turns back into that same badrpc.
    /// </summary>
    public ErlangTerm ExitReason(ErlangTerm reply) =>
        reply is ErlangTuple { Arity: 2 } bad && bad[0] == BadRpc
            && bad[1] is ErlangTuple { Arity: 2 } exit && exit[0] == Exit
            && exit[1] is ErlangTuple { Arity: 2 } error && error[1] is ErlangList
            ? ErlangTerm.Tuple(Ref, Error, error[0], error[1])
            : ErlangTerm.Tuple(Ref, Return, reply);
}
