using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Core.Streaming;

namespace Gateway.Tests.Core.Streaming;

public sealed class MetricStreamTests
{
    private readonly MetricStore _store = new();

    [Fact]
    public void Nodes_updated_faster_than_the_subscriber_reads_leave_the_latest_snapshot_of_each_and_count_what_was_replaced()
    {
        using var stream = new MetricStream(_store);
        using var subscriber = stream.Subscribe("recording", capacity: 100);
        const int nodes = 10;
        const int rounds = 4;

        for (var round = 1; round <= rounds; round++)
        {
            for (var i = 0; i < nodes; i++)
            {
                _store.Collect(StreamSnapshots.Node(i), round);
            }
        }
        var seen = new List<StreamedSnapshot>();
        while (subscriber.TryRead(out var snapshot))
        {
            seen.Add(snapshot);
        }

        Assert.Equal(Enumerable.Range(0, nodes).Select(StreamSnapshots.Node), seen.Select(s => s.Node));
        Assert.All(seen, s => Assert.Equal(rounds, s.Round()));
        Assert.All(seen, s => Assert.Same(_store.Entries().Single(e => e.Status.Node == s.Node).Snapshot, s.Source));
        Assert.Equal(nodes * (rounds - 1), subscriber.Dropped);
        Assert.Equal(nodes * rounds, subscriber.Published);
    }

    [Fact]
    public void A_status_only_change_does_not_send_the_same_snapshot_again()
    {
        using var stream = new MetricStream(_store);
        using var subscriber = stream.Subscribe("recording");
        var node = StreamSnapshots.Node(1);
        var first = _store.Collect(node, 1);
        Assert.True(subscriber.TryRead(out var streamed));

        _store.UpdateStatus(StreamSnapshots.Up(node, 1) with { Info = new Dictionary<string, string> { ["otp"] = "27" } });
        _store.Register(node, "beam");
        var afterStatus = subscriber.Count;
        _store.MarkFailed(StreamSnapshots.Up(node, 2) with { Up = false, LastError = "timeout" });
        _store.UpdateStatus(StreamSnapshots.Up(node, 3));   // up again on the old snapshot: still not new
        var afterRecovery = subscriber.Count;
        var second = _store.Collect(node, 4);

        Assert.Same(first, streamed.Source);
        Assert.Equal(0, afterStatus);
        Assert.Equal(0, afterRecovery);
        Assert.True(subscriber.TryRead(out var next));
        Assert.Same(second, next.Source);
        Assert.Equal(0, subscriber.Dropped);
    }

    [Fact]
    public void Only_live_snapshots_are_streamed()
    {
        using var stream = new MetricStream(_store);
        using var subscriber = stream.Subscribe("recording");
        var node = StreamSnapshots.Node(1);

        _store.Update(StreamSnapshots.Snapshot(node, 1), StreamSnapshots.Up(node, 1) with { Up = false });
        _store.Register(StreamSnapshots.Node(2), "beam");
        _store.Remove(node);

        Assert.Equal(0, subscriber.Count);
        Assert.Equal(0, subscriber.Published);
    }

    [Fact]
    public void A_full_queue_drops_the_snapshot_that_waited_longest_and_counts_it()
    {
        using var stream = new MetricStream(_store);
        using var subscriber = stream.Subscribe("recording", capacity: 2);

        _store.Collect(StreamSnapshots.Node(1), 1);
        _store.Collect(StreamSnapshots.Node(2), 1);
        _store.Collect(StreamSnapshots.Node(1), 2);   // replaces node 1 in place: it keeps its turn
        _store.Collect(StreamSnapshots.Node(3), 1);   // full: node 1 waited longest

        var left = new List<StreamedSnapshot>();
        while (subscriber.TryRead(out var s))
        {
            left.Add(s);
        }
        Assert.Equal([(StreamSnapshots.Node(2), 1.0), (StreamSnapshots.Node(3), 1.0)], left.Select(s => (s.Node, s.Round())));
        Assert.Equal(2, subscriber.Dropped);
    }

    [Fact]
    public void Every_subscriber_has_its_own_queue_and_a_disposed_one_gets_nothing_more()
    {
        using var stream = new MetricStream(_store);
        using var fast = stream.Subscribe("fast");
        var slow = stream.Subscribe("slow");
        _store.Collect(StreamSnapshots.Node(1), 1);
        Assert.True(fast.TryRead(out _));

        slow.Dispose();
        _store.Collect(StreamSnapshots.Node(1), 2);

        Assert.Equal(1, fast.Count);
        Assert.Equal(1, slow.Count);
        Assert.Equal(["fast"], stream.Subscriptions.Select(s => s.Exporter));
    }

    [Fact]
    public async Task A_waiting_reader_is_woken_by_the_next_collection_and_ends_when_the_subscription_closes()
    {
        using var stream = new MetricStream(_store);
        var subscriber = stream.Subscribe("recording");

        var wait = subscriber.WaitToReadAsync();
        var waitedBefore = !wait.IsCompleted;
        _store.Collect(StreamSnapshots.Node(1), 1);
        var woken = await wait;
        Assert.True(subscriber.TryRead(out _));
        var closing = subscriber.WaitToReadAsync();
        subscriber.Dispose();

        Assert.True(waitedBefore);
        Assert.True(woken);
        Assert.False(await closing);
    }

    [Fact]
    public void Series_get_instance_job_and_target_labels_as_on_metrics_and_their_own_collide_into_exported_labels()
    {
        var node = new NodeKey("rabbitmq", "rabbit@host1");
        var target = LabelSet.Create(new Label("team", "core"), new Label("instance", "ignored"), new Label("__meta_x", "internal"));
        var series = LabelSet.Create(new Label("instance", "queue-host"), new Label("job", "other"), new Label("team", "edge"), new Label("exported_job", "taken"), new Label("vhost", "/"));
        var snapshot = StreamSnapshots.Snapshot(node, 1, target, series);

        var family = Assert.Single(new StreamedSnapshot(snapshot).Families);

        Assert.Equal(
            "{exported_exported_job=\"other\",exported_instance=\"queue-host\",exported_job=\"taken\",exported_team=\"edge\",instance=\"rabbit@host1\",job=\"rabbitmq\",team=\"core\",vhost=\"/\"}",
            Assert.Single(family.Samples).Labels.ToString());
        Assert.Equal(("erlang_vm_process_count", MetricType.Gauge, 1.0), (family.Name, family.Type, family.Samples[0].Value));
        Assert.DoesNotContain(snapshot.Families[0].Samples[0].Labels, l => l.Name == "team" && l.Value == "core");
    }
}
