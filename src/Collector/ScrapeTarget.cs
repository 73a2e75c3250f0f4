using Gateway.Core.Metrics;
using Gateway.Core.Nodes;

namespace Gateway.Collector;

/// <summary>
/// One node to collect from, as discovery sees it. Value equality: when discovery yields a target whose
/// record differs from the one being scraped (labels, interval, settings …), the scheduler swaps it in
/// without losing the node's state.
/// </summary>
/// <param name="Node">Identity: job and instance (<c>host:port</c> for HTTP, <c>name@host</c> for BEAM).</param>
/// <param name="Source">Name of the <see cref="INodeSource"/> that scrapes it (<c>prometheus</c>, <c>beam</c> …).</param>
/// <param name="Address">Where to reach it, in the source's terms (a URL for HTTP, a node name for BEAM).</param>
/// <param name="Labels">Extra target labels (file_sd / static labels) added to every series on export.</param>
/// <param name="Interval">Time between two collections.</param>
/// <param name="Timeout">Bound on one collection; never longer than <paramref name="Interval"/>.</param>
/// <param name="Settings">Source-specific settings (limits, credentials …); null when the source needs none.</param>
public sealed record ScrapeTarget(
    NodeKey Node,
    string Source,
    string Address,
    LabelSet Labels,
    TimeSpan Interval,
    TimeSpan Timeout,
    ScrapeTargetSettings? Settings = null);
