namespace Gateway.Erlang.Distribution;

/// <summary>Base of every failure talking the Erlang distribution protocol to a node.</summary>
public class ErlangDistributionException : Exception
{
    public ErlangDistributionException()
    {
    }

    public ErlangDistributionException(string message)
        : base(message)
    {
    }

    public ErlangDistributionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
