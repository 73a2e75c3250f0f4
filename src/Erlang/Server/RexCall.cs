using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Server;

/// <summary>
/// The request <c>rpc:call/4,5</c> sends to the <c>rex</c> server: <c>{call, Module, Function, Args, GroupLeader}</c>.
/// </summary>
/// <param name="Module">The module to call.</param>
/// <param name="Function">The function to call.</param>
/// <param name="Args">Its arguments.</param>
public sealed record RexCall(ErlangAtom Module, ErlangAtom Function, IReadOnlyList<ErlangTerm> Args)
{
    private static readonly ErlangAtom CallAtom = ErlangAtom.Of("call");
    private static readonly ErlangAtom BadRpc = ErlangAtom.Of("badrpc");
    private static readonly ErlangAtom Exit = ErlangAtom.Of("EXIT");
    private static readonly ErlangAtom UndefAtom = ErlangAtom.Of("undef");

    /// <summary>Recognizes <c>{call, M, F, A, GL}</c> with atoms for M and F and a proper list for A.</summary>
    public static bool TryParse(ErlangTerm request, out RexCall call)
    {
        call = null!;
        if (request is ErlangTuple { Arity: 5 } t && t[0] == CallAtom
            && t[1] is ErlangAtom module && t[2] is ErlangAtom function && t[3] is ErlangList { IsProper: true } args)
        {
            call = new RexCall(module, function, args);
            return true;
        }

        return false;
    }

    /// <summary>
    /// What <c>rpc:call</c> returns for a function the node does not have:
    /// <c>{badrpc, {'EXIT', {undef, [{M, F, Args, []}]}}}</c>.
    /// </summary>
    public static ErlangTerm Undefined(ErlangAtom module, ErlangAtom function, IReadOnlyList<ErlangTerm> args) =>
        ErlangTerm.Tuple(
            BadRpc,
            ErlangTerm.Tuple(
                Exit,
                ErlangTerm.Tuple(
                    UndefAtom,
                    ErlangTerm.List(ErlangTerm.Tuple(module, function, ErlangList.Of([.. args]), ErlangList.Empty)))));
}
