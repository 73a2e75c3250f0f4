namespace Gateway.Erlang.Distribution;

/// <summary>
/// The peer refused or broke the handshake for a reason other than the cookie: it does not allow us
/// (<c>not_allowed</c>), speaks no common protocol version, lacks a capability we need, or sent
/// something that is not a handshake message.
/// </summary>
public sealed class ErlangHandshakeException : ErlangDistributionException
{
    public ErlangHandshakeException()
    {
    }

    public ErlangHandshakeException(string message)
        : base(message)
    {
    }

    public ErlangHandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
