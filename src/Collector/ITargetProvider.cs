namespace Gateway.Collector;

/// <summary>
/// Discovery: tells the scheduler which targets exist. <see cref="WatchAsync"/> yields every group it owns
/// once at start, then again whenever a group changes, until the token is cancelled. The enumeration may
/// also end (static configuration): its last groups stay in force. A provider that cannot read its
/// input keeps its previous groups and logs, rather than yielding an empty set.
/// </summary>
public interface ITargetProvider
{
    /// <summary>For logs.</summary>
    string Name { get; }

    IAsyncEnumerable<TargetGroup> WatchAsync(CancellationToken cancellationToken);
}
