using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Fixtures;

/// <summary>
/// Evaluates Erlang source on a node through plain RPCs (erl_scan, erl_parse, erl_eval), so tests can
/// spawn processes or check terms there without shipping a module. Code ends with a full stop.
/// </summary>
public static class ErlangEval
{
    // A hang guard, not a speed limit: spawning thousands of processes or tables takes a while on a busy machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<ErlangTerm> EvalAsync(this LocalNode local, string node, string code, params (string Name, ErlangTerm Value)[] bindings) =>
        await local.EvalParsedAsync(node, await local.ParseAsync(node, code), bindings);

    /// <summary>Scans and parses <paramref name="code"/> on the node: the expression list for <see cref="EvalParsedAsync"/>.</summary>
    public static async Task<ErlangTerm> ParseAsync(this LocalNode local, string node, string code)
    {
        var scanned = await local.RpcAsync(node, "erl_scan", "string", [ErlangList.FromText(code)], Timeout);
        if (scanned is not ErlangTuple { Arity: 3 } ok || !ok[0].IsAtom("ok"))
        {
            throw new InvalidOperationException($"erl_scan failed: {scanned}");
        }

        var parsed = await local.RpcAsync(node, "erl_parse", "parse_exprs", [ok[1]], Timeout);
        if (parsed is not ErlangTuple { Arity: 2 } exprs || !exprs[0].IsAtom("ok"))
        {
            throw new InvalidOperationException($"erl_parse failed: {parsed}");
        }

        return exprs[1];
    }

    /// <summary>Evaluates parsed expressions with variables bound to terms we send (Name is an Erlang variable, e.g. "T").</summary>
    public static async Task<ErlangTerm> EvalParsedAsync(this LocalNode local, string node, ErlangTerm exprs, params (string Name, ErlangTerm Value)[] bindings)
    {
        var bound = await local.RpcAsync(node, "erl_eval", "new_bindings", [], Timeout);
        foreach (var (name, term) in bindings)
        {
            bound = await local.RpcAsync(node, "erl_eval", "add_binding", [ErlangAtom.Of(name), term, bound], Timeout);
        }

        var result = await local.RpcAsync(node, "erl_eval", "exprs", [exprs, bound], Timeout);
        if (result is not ErlangTuple { Arity: 3 } value || !value[0].IsAtom("value"))
        {
            throw new InvalidOperationException($"erl_eval failed: {result}");
        }

        return value[1];
    }
}
