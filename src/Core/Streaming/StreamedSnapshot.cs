using Gateway.Core.Metrics;
using Gateway.Core.Nodes;

namespace Gateway.Core.Streaming;

/// <summary>
/// A node snapshot on its way to streaming exporters, with its series labelled as on <c>/metrics</c>
/// (<see cref="SnapshotLabels"/>). The labelling is done once, on first use, and shared by every
/// exporter that reads it; a snapshot dropped from every queue is never labelled.
/// </summary>
public sealed class StreamedSnapshot
{
    private IReadOnlyList<MetricFamily>? _families;

    public StreamedSnapshot(NodeSnapshot source)
    {
        Source = source;
    }

    public NodeKey Node => Source.Node;

    /// <summary>When the collection finished.</summary>
    public DateTimeOffset Time => Source.Time;

    /// <summary>The snapshot as collected: series without the node's labels.</summary>
    public NodeSnapshot Source { get; }

    /// <summary>The families with <c>instance</c>, <c>job</c> and the target labels on every series.</summary>
    public IReadOnlyList<MetricFamily> Families => LazyInitializer.EnsureInitialized(ref _families, () => SnapshotLabels.Apply(Source));
}
