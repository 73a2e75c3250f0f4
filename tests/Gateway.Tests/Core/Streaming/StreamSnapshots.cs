using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;

namespace Gateway.Tests.Core.Streaming;

/// <summary>Collections as the collector reports them to the store: one gauge whose value says which round it is.</summary>
internal static class StreamSnapshots
{
    private static readonly DateTimeOffset Start = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static NodeKey Node(int i) => new("beam", $"n{i}@host");

    public static NodeSnapshot Snapshot(NodeKey node, int round, LabelSet? targetLabels = null, LabelSet? seriesLabels = null) => new(
        node,
        Start.AddSeconds(round),
        [new MetricFamily("erlang_vm_process_count", MetricType.Gauge, "Processes.", [new Sample("erlang_vm_process_count", seriesLabels ?? LabelSet.Empty, round)])],
        targetLabels ?? LabelSet.Empty);

    public static NodeStatus Up(NodeKey node, int round) =>
        NodeStatus.Pending(node, "beam") with { Up = true, LastScrape = Start.AddSeconds(round) };

    public static NodeSnapshot Collect(this MetricStore store, NodeKey node, int round)
    {
        var snapshot = Snapshot(node, round);
        store.Update(snapshot, Up(node, round));
        return snapshot;
    }

    public static double Round(this Gateway.Core.Streaming.StreamedSnapshot s) => s.Source.Families[0].Samples[0].Value;
}
