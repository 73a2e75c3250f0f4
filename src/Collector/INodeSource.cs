using Gateway.Core.Nodes;

namespace Gateway.Collector;

/// <summary>
/// Turns a node into observations: one call, one collection. The scheduler decides when and how many at
/// once; the source only knows how. A source never throws for an expected failure (unreachable node,
/// bad payload): it returns <see cref="ScrapeResult.Failure"/>. It honours the token (the scheduler
/// cancels it on timeout and shutdown). The scheduler never runs two collections of one node at once.
/// </summary>
public interface INodeSource
{
    /// <summary>Matches <see cref="ScrapeTarget.Source"/>; also the <c>source</c> of the node's status.</summary>
    string Name { get; }

    Task<ScrapeResult> ScrapeAsync(ScrapeTarget target, CancellationToken cancellationToken);

    /// <summary>The node left discovery: drop whatever per-node state the source keeps (parsers, connections).</summary>
    void Release(NodeKey node);
}
