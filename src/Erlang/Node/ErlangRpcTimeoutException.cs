namespace Gateway.Erlang.Node;

/// <summary>No reply to a remote call within its timeout (the node may still run the call).</summary>
public sealed class ErlangRpcTimeoutException : TimeoutException
{
    public ErlangRpcTimeoutException()
    {
    }

    public ErlangRpcTimeoutException(string message)
        : base(message)
    {
    }

    public ErlangRpcTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
