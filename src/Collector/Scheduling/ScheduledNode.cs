using Gateway.Core.Nodes;

namespace Gateway.Collector.Scheduling;

/// <summary>
/// The scheduler's state for one node. Every field is read and written under <c>lock (this)</c>, which
/// also orders store writes against removal (a scrape finishing after its node was removed writes nothing).
/// </summary>
internal sealed class ScheduledNode(ScrapeTarget target, INodeSource source)
{
    public ScrapeTarget Target { get; set; } = target;

    public INodeSource Source { get; } = source;

    public TimeSpan Offset { get; set; }

    public DateTimeOffset NextDue { get; set; }

    public ITimer? Timer { get; set; }

    /// <summary>Queued for a worker or being scraped: the timer is not re-armed until the result is in.</summary>
    public bool Busy { get; set; }

    public bool Removed { get; set; }

    public int ConsecutiveFailures { get; set; }


    public NodeStatus? LastStatus { get; set; }
}
