namespace Gateway.Collector.Beam;

/// <summary>
/// The reply of a BEAM node to the collection call is not the expected top-level shape (a map), for
/// example a <c>{badrpc, Reason}</c>. Fields inside a well-shaped reply never cause this: odd or
/// missing ones are skipped.
/// </summary>
public sealed class BeamReplyException : Exception
{
    public BeamReplyException()
        : this("The BEAM node's reply is not the expected shape.")
    {
    }

    public BeamReplyException(string message)
        : base(message)
    {
    }

    public BeamReplyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
