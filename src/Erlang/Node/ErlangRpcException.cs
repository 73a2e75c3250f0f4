using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

/// <summary>The remote call failed on the node: rex answered <c>{badrpc, Reason}</c>.</summary>
public sealed class ErlangRpcException : Exception
{
    public ErlangRpcException()
        : this("The remote call failed.")
    {
    }

    public ErlangRpcException(string message)
        : base(message)
    {
        Reason = ErlangAtom.Undefined;
    }

    public ErlangRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = ErlangAtom.Undefined;
    }

    public ErlangRpcException(string node, string module, string function, int arity, ErlangTerm reason)
        : base($"rpc {module}:{function}/{arity} on {node} failed: {Shorten(reason)}")
    {
        Node = node;
        Reason = reason;
    }

    public string? Node { get; }

    /// <summary>The Reason of <c>{badrpc, Reason}</c>, e.g. <c>{'EXIT', {undef, [...]}}</c>.</summary>
    public ErlangTerm Reason { get; }

    private static string Shorten(ErlangTerm reason)
    {
        var text = reason.ToString();
        return text.Length > 500 ? text[..500] + "..." : text;
    }
}
