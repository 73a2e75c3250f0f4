using Gateway.Erlang.Distribution;

namespace Gateway.Erlang.Node;

/// <summary>Per remote node: the live connection, the attempt in flight, and the reconnect backoff.</summary>
internal sealed class RemoteNode
{
    public Lock Gate { get; } = new();

    public DistributionConnection? Connection { get; set; }

    /// <summary>The connect attempt every concurrent caller shares.</summary>
    public Task<DistributionConnection>? Connecting { get; set; }

    public int Failures { get; set; }

    /// <summary>Timestamp (TimeProvider) before which no new attempt is made.</summary>
    public long RetryAt { get; set; }

    public Exception? LastError { get; set; }
}
