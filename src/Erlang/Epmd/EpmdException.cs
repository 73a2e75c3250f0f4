namespace Gateway.Erlang.Epmd;

/// <summary>EPMD could not be reached or answered something that is not the EPMD protocol.</summary>
public sealed class EpmdException : Exception
{
    public EpmdException()
    {
    }

    public EpmdException(string message)
        : base(message)
    {
    }

    public EpmdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
