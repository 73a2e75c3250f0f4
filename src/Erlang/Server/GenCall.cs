using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Server;

/// <summary>
/// A <c>gen_server:call</c> request as it arrives in a message: <c>{'$gen_call', {From, Tag}, Request}</c>.
/// The answer goes to <see cref="From"/> as <c>{Tag, Reply}</c> (<see cref="ReplyMessage"/>); the tag
/// may be a plain reference or OTP 24+'s <c>[alias | Ref]</c>, and is echoed back unchanged.
/// </summary>
/// <param name="From">The calling process.</param>
/// <param name="Tag">The call's tag.</param>
/// <param name="Request">What was asked.</param>
public sealed record GenCall(ErlangPid From, ErlangTerm Tag, ErlangTerm Request)
{
    private static readonly ErlangAtom GenCallAtom = ErlangAtom.Of("$gen_call");

    /// <summary>Recognizes a gen_server call message; anything else (casts, plain sends) gives false.</summary>
    public static bool TryParse(ErlangTerm? message, out GenCall call)
    {
        call = null!;
        if (message is ErlangTuple { Arity: 3 } t && t[0] == GenCallAtom
            && t[1] is ErlangTuple { Arity: 2 } from && from[0] is ErlangPid pid)
        {
            call = new GenCall(pid, from[1], t[2]);
            return true;
        }

        return false;
    }

    /// <summary>The reply message <c>{Tag, Reply}</c>.</summary>
    public ErlangTerm ReplyMessage(ErlangTerm reply) => ErlangTerm.Tuple(Tag, reply);
}
