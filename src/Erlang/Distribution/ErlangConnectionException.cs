namespace Gateway.Erlang.Distribution;

/// <summary>
/// A node could not be reached (EPMD lookup, TCP connect) or its connection is gone.
/// <see cref="CloseInfo"/> says why, when the connection had been up.
/// </summary>
public class ErlangConnectionException : ErlangDistributionException
{
    public ErlangConnectionException()
    {
    }

    public ErlangConnectionException(string message)
        : base(message)
    {
    }

    public ErlangConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ErlangConnectionException(string node, string message, ConnectionClosedInfo? closeInfo = null, Exception? innerException = null)
        : base(message, innerException ?? closeInfo?.Error)
    {
        Node = node;
        CloseInfo = closeInfo;
    }

    /// <summary>The remote node, when known.</summary>
    public string? Node { get; }

    /// <summary>How the connection ended, if it had been established.</summary>
    public ConnectionClosedInfo? CloseInfo { get; }
}
