using System.Runtime.CompilerServices;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;

namespace Gateway.Tests.Core.Store;

public sealed class MetricStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Entries_are_ordered_by_job_then_instance_and_follow_additions_and_removals()
    {
        var store = new MetricStore();
        store.Register(new NodeKey("b", "n1"), "beam");
        store.Register(new NodeKey("a", "n2"), "beam");
        store.Register(new NodeKey("a", "n1"), "beam");
        Assert.Equal(["a/n1", "a/n2", "b/n1"], Keys(store));

        store.Remove(new NodeKey("a", "n2"));
        Update(store, new NodeKey("a", "n0"), 1);
        Assert.Equal(["a/n0", "a/n1", "b/n1"], Keys(store));
    }

    [Fact]
    public void Entries_show_the_latest_snapshot_without_a_membership_change()
    {
        var store = new MetricStore();
        var node = new NodeKey("a", "n1");
        Update(store, node, 1);
        Assert.Equal(1, Value(store.Entries()[0]));

        Update(store, node, 2);

        Assert.Equal(2, Value(store.Entries()[0]));
    }

    [Fact]
    public void An_earlier_read_does_not_keep_a_replaced_snapshot_alive()
    {
        var store = new MetricStore();
        var node = new NodeKey("a", "n1");
        var first = UpdateAndRead(store, node);

        Update(store, node, 2);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(first.TryGetTarget(out _), "the replaced snapshot is still reachable");
        Assert.Equal(2, Value(store.Entries()[0]));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<NodeSnapshot> UpdateAndRead(MetricStore store, NodeKey node)
    {
        var snapshot = Update(store, node, 1);
        _ = store.Entries();
        return new WeakReference<NodeSnapshot>(snapshot);
    }

    private static NodeSnapshot Update(MetricStore store, NodeKey node, double value)
    {
        var families = new[] { new MetricFamily("g", MetricType.Gauge, "", [new Sample("g", LabelSet.Empty, value)]) };
        var snapshot = new NodeSnapshot(node, T0, families, LabelSet.Empty);
        store.Update(snapshot, NodeStatus.Pending(node, "beam") with { Up = true });
        return snapshot;
    }

    private static string[] Keys(MetricStore store) => store.Entries().Select(e => e.Status.Node.ToString()).ToArray();

    private static double Value(NodeEntry entry) => entry.Snapshot!.Families[0].Samples[0].Value;
}
