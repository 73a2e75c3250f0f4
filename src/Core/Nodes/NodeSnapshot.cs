using Gateway.Core.Metrics;

namespace Gateway.Core.Nodes;

/// <summary>
/// Everything one successful collection cycle saw on a node. Immutable: the store swaps whole
/// snapshots, so a reader never sees a half-updated node.
/// </summary>
/// <param name="Node">Which node.</param>
/// <param name="Time">When the collection finished.</param>
/// <param name="Families">Metric families as collected (without the <c>instance</c>/<c>job</c> labels; exporters add them).</param>
/// <param name="TargetLabels">Extra labels of the target (file_sd labels), added to every series on export.</param>
public sealed record NodeSnapshot(
    NodeKey Node,
    DateTimeOffset Time,
    IReadOnlyList<MetricFamily> Families,
    LabelSet TargetLabels)
{
    public int SampleCount => Families.Sum(f => f.Samples.Count);
}
