namespace Gateway.Erlang.Distribution;

/// <summary>
/// The peer and we do not share the cookie. The message names the node, never the cookie.
/// </summary>
public sealed class ErlangAuthenticationException : ErlangDistributionException
{
    public ErlangAuthenticationException()
    {
    }

    public ErlangAuthenticationException(string message)
        : base(message)
    {
    }

    public ErlangAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
