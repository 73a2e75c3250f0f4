namespace Gateway.Collector.Beam;

/// <summary>The agent could not be compiled or loaded on a node (becomes the <c>agent</c> failure reason).</summary>
public sealed class BeamAgentException : Exception
{
    public BeamAgentException()
    {
    }

    public BeamAgentException(string message)
        : base(message)
    {
    }

    public BeamAgentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
