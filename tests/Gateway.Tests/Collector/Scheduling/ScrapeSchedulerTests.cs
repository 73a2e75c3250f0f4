using Gateway.Collector;
using Gateway.Core.Metrics;
using Gateway.Collector.Scheduling;
using Gateway.Core.Nodes;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Collector.Scheduling;

public sealed class ScrapeSchedulerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Added_targets_are_registered_pending_before_their_first_collection()
    {
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(SchedulerHarness.Ok));
        await h.StartAsync(SchedulerHarness.Target("a:1", Interval, Timeout));

        Assert.True(h.Store.TryGet(new NodeKey("job", "a:1"), out var entry));
        Assert.False(entry.Status.Up);
        Assert.Null(entry.Status.LastScrape);
        Assert.Equal("fake", entry.Status.Source);
        Assert.Empty(h.Source.Calls);
    }

    [Fact]
    public async Task First_collections_spread_across_the_interval()
    {
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(SchedulerHarness.Ok));
        var targets = Enumerable.Range(0, 100).Select(i => SchedulerHarness.Target($"10.0.0.{i}:9100", Interval, Timeout)).ToArray();
        await h.StartAsync(targets);

        var perSecond = new List<int>();
        for (var s = 0; s < 10; s++)
        {
            var before = h.Source.Calls.Count;
            await h.AdvanceAsync(Second, Second);
            perSecond.Add(h.Source.Calls.Count - before);
        }

        Assert.Equal(100, h.Source.Calls.Count);
        Assert.Equal(100, h.Source.Calls.Select(c => c.Node).Distinct().Count());
        // ~10 per second; all 100 at once (or in a couple of seconds) would be a thundering herd.
        Assert.All(perSecond, n => Assert.InRange(n, 1, 30));
    }

    [Fact]
    public async Task Ten_thousand_targets_are_each_collected_once_per_interval()
    {
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(SchedulerHarness.Ok));
        var interval = TimeSpan.FromSeconds(15);
        var targets = Enumerable.Range(0, 10_000)
            .Select(i => SchedulerHarness.Target($"10.{i / 65536}.{i / 256 % 256}.{i % 256}:9100", interval, Timeout))
            .ToArray();
        await h.StartAsync(targets);

        await h.AdvanceAsync(interval, Second);

        Assert.Equal(10_000, h.Source.Calls.Count);
        Assert.Equal(10_000, h.Source.Calls.Select(c => c.Node).Distinct().Count());
        Assert.Equal(10_000, h.Store.Entries().Count(e => e.Status.Up));
    }

    [Fact]
    public async Task Each_node_is_collected_once_per_interval_at_a_stable_phase()
    {
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(SchedulerHarness.Ok));
        var node = SchedulerHarness.Target("a:1", Interval, Timeout);
        await h.StartAsync(node);

        await h.AdvanceAsync(Interval * 5, Second);

        var times = h.Source.Calls.Select(c => c.Time).ToArray();
        Assert.Equal(5, times.Length);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(Interval, pair.Second - pair.First));
    }

    [Fact]
    public async Task Concurrency_limit_is_respected()
    {
        var gate = new TaskCompletionSource<ScrapeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = new SchedulerHarness((_, _) => gate.Task, concurrency: 3);
        await h.StartAsync(Enumerable.Range(0, 10).Select(i => SchedulerHarness.Target($"n{i}:1", Interval, Timeout)).ToArray());

        h.Time.Advance(Interval);
        await Eventually.TrueAsync(() => h.Source.InFlight == 3, "three collections running");
        Assert.Equal(10, h.Scheduler.PendingScrapes);

        gate.SetResult(SchedulerHarness.Ok);
        await h.IdleAsync();

        Assert.Equal(10, h.Source.Calls.Count);
        Assert.Equal(3, h.Source.MaxInFlight);
    }

    [Fact]
    public async Task Failing_node_backs_off_exponentially_and_returns_to_its_interval_after_success()
    {
        var failing = true;
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(Volatile.Read(ref failing)
            ? ScrapeResult.Failure(ScrapeErrorReasons.Connection, "Connection refused")
            : SchedulerHarness.Ok));
        var key = new NodeKey("job", "a:1");
        await h.StartAsync(SchedulerHarness.Target("a:1", Interval, Timeout));

        // 10 s interval, 5 min max backoff: cap = min(10 × 10 s, 5 min) = 100 s.
        await h.AdvanceAsync(TimeSpan.FromSeconds(360), Second);
        var failed = h.Source.Calls.Select(c => c.Time).ToArray();
        var gaps = failed.Zip(failed.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
        Assert.Equal([10, 20, 40, 80, 100], gaps.Take(5));
        Assert.True(h.Store.TryGet(key, out var down));
        Assert.False(down.Status.Up);
        Assert.Equal("connection", down.Status.LastErrorReason);
        Assert.Equal("Connection refused", down.Status.LastError);
        Assert.Equal(failed.Length, h.Statistics.ErrorCount(key, "connection"));

        Volatile.Write(ref failing, false);
        await h.AdvanceAsync(TimeSpan.FromSeconds(100), Second);
        var recoveredAt = h.Source.Calls.Last().Time;
        await h.AdvanceAsync(TimeSpan.FromSeconds(30), Second);

        var after = h.Source.Calls.Select(c => c.Time).Where(t => t >= recoveredAt).ToArray();
        Assert.Equal(4, after.Length);
        Assert.All(after.Zip(after.Skip(1)), pair => Assert.Equal(Interval, pair.Second - pair.First));
        Assert.True(h.Store.TryGet(key, out var up));
        Assert.True(up.Status.Up);
        Assert.Null(up.Status.LastErrorReason);
    }

    [Fact]
    public async Task Successful_collection_stores_snapshot_and_status()
    {
        var labels = SchedulerHarness.Labels(("env", "prod"));
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(SchedulerHarness.Ok));
        await h.StartAsync(SchedulerHarness.Target("a:1", Interval, Timeout, labels));

        await h.AdvanceAsync(Interval, Second);

        Assert.True(h.Store.TryGet(new NodeKey("job", "a:1"), out var entry));
        Assert.True(entry.Status.Up);
        Assert.Equal(1, entry.Status.Samples);
        Assert.NotNull(entry.Status.LastScrape);
        Assert.Equal(TimeSpan.Zero, entry.Status.LastDuration);
        Assert.Equal("yes", entry.Status.Info["fact"]);
        Assert.NotNull(entry.LiveSnapshot);
        Assert.Same(labels, entry.LiveSnapshot.TargetLabels);
        Assert.Equal("up", Assert.Single(entry.LiveSnapshot.Families).Name);
    }

    [Fact]
    public async Task Failure_after_success_hides_the_series_and_keeps_the_last_facts()
    {
        var fail = false;
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(Volatile.Read(ref fail)
            ? ScrapeResult.Failure(ScrapeErrorReasons.HttpStatus, "HTTP 503 Service Unavailable")
            : SchedulerHarness.Ok));
        var key = new NodeKey("job", "a:1");
        await h.StartAsync(SchedulerHarness.Target("a:1", Interval, Timeout));
        await h.AdvanceAsync(Interval, Second);

        Volatile.Write(ref fail, true);
        await h.AdvanceAsync(Interval, Second);

        Assert.True(h.Store.TryGet(key, out var entry));
        Assert.False(entry.Status.Up);
        Assert.Null(entry.LiveSnapshot);
        Assert.Equal("http_status", entry.Status.LastErrorReason);
        Assert.Equal(1, entry.Status.Samples);
        Assert.Equal("yes", entry.Status.Info["fact"]);
        Assert.Equal(1, h.Statistics.ErrorCount(key, "http_status"));
    }

    [Fact]
    public async Task Removed_target_stops_being_collected_and_leaves_the_store()
    {
        var key = new NodeKey("job", "gone:1");
        await using var h = new SchedulerHarness((t, _) => Task.FromResult(t.Node.Instance == "gone:1"
            ? ScrapeResult.Failure(ScrapeErrorReasons.Timeout, "slow")
            : SchedulerHarness.Ok));
        var kept = SchedulerHarness.Target("kept:1", Interval, Timeout);
        await h.StartAsync(kept, SchedulerHarness.Target("gone:1", Interval, Timeout));
        await h.AdvanceAsync(Interval, Second);
        Assert.Equal(1, h.Source.CallsFor(key));
        Assert.Equal(1, h.Statistics.ErrorCount(key, "timeout"));

        h.Provider.Publish("group", kept);
        await Eventually.TrueAsync(() => h.Scheduler.TargetCount == 1, "one target left");
        await h.AdvanceAsync(Interval * 3, Second);

        Assert.Equal(1, h.Source.CallsFor(key));
        Assert.Equal(4, h.Source.CallsFor(kept.Node));
        Assert.False(h.Store.TryGet(key, out _));
        Assert.True(h.Store.TryGet(kept.Node, out _));
        Assert.Contains(key, h.Source.Released);
        Assert.DoesNotContain(h.Statistics.ErrorCounts(), c => c.Node == key);
    }

    [Fact]
    public async Task Changed_labels_apply_to_the_next_snapshot()
    {
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(SchedulerHarness.Ok));
        await h.StartAsync(SchedulerHarness.Target("a:1", Interval, Timeout, SchedulerHarness.Labels(("env", "old"))));
        await h.AdvanceAsync(Interval, Second);

        h.Provider.Publish("group", SchedulerHarness.Target("a:1", Interval, Timeout, SchedulerHarness.Labels(("env", "new"))));
        await Eventually.TrueAsync(() => h.Scheduler.Targets()[0].Labels.Get("env") == "new", "target updated");
        await h.AdvanceAsync(Interval, Second);

        Assert.True(h.Store.TryGet(new NodeKey("job", "a:1"), out var entry));
        Assert.Equal("new", entry.LiveSnapshot!.TargetLabels.Get("env"));
        Assert.Equal(2, h.Source.Calls.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Hanging_collection_times_out_and_marks_the_node_failed_without_blocking_others(bool honoursToken)
    {
        await using var h = new SchedulerHarness(async (t, ct) =>
        {
            if (t.Node.Instance != "hang:1")
            {
                return SchedulerHarness.Ok;
            }
            await (honoursToken ? Task.Delay(System.Threading.Timeout.Infinite, ct) : Task.Delay(System.Threading.Timeout.Infinite, CancellationToken.None));
            return SchedulerHarness.Ok;
        }, concurrency: 2);
        var hang = new NodeKey("job", "hang:1");
        var healthy = SchedulerHarness.Target("ok:1", Interval, Timeout);
        await h.StartAsync(SchedulerHarness.Target("hang:1", Interval, Timeout), healthy);

        // One interval: both nodes get their first collection; the hanging one never blocks the other.
        for (var s = 0; s < 10; s++)
        {
            h.Time.Advance(Second);
            await Eventually.TrueAsync(() => h.Scheduler.PendingScrapes <= 1, "only the hanging collection left");
        }
        // The workers pick nodes off the queue on their own threads: wait for both first calls.
        await Eventually.TrueAsync(() => h.Source.CallsFor(hang) == 1 && h.Store.TryGet(healthy.Node, out var e) && e.Status.Up, "both first collections");
        Assert.Equal(1, h.Source.CallsFor(hang));
        Assert.True(h.Store.TryGet(healthy.Node, out var other));
        Assert.True(other.Status.Up);

        h.Time.Advance(Timeout);
        await Eventually.TrueAsync(() => h.Store.TryGet(hang, out var e) && e.Status.LastErrorReason == "timeout", "timeout recorded");

        Assert.True(h.Store.TryGet(hang, out var entry));
        Assert.False(entry.Status.Up);
        Assert.Contains("2s", entry.Status.LastError, StringComparison.Ordinal);
        Assert.Equal(1, h.Statistics.ErrorCount(hang, "timeout"));
    }

    [Fact]
    public async Task Targets_of_an_unknown_source_are_ignored()
    {
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(SchedulerHarness.Ok));
        await h.StartAsync(SchedulerHarness.Target("a:1", Interval, Timeout));

        h.Provider.Publish("other", SchedulerHarness.Target("b:1", Interval, Timeout) with { Source = "nope" });
        h.Provider.Publish("third", SchedulerHarness.Target("c:1", Interval, Timeout));
        await Eventually.TrueAsync(() => h.Scheduler.TargetCount == 2, "c:1 scheduled");

        Assert.DoesNotContain(h.Scheduler.Targets(), t => t.Node.Instance == "b:1");
    }

    [Fact]
    public async Task A_failing_provider_keeps_its_targets_and_is_restarted()
    {
        var flaky = new FlakyProvider();
        await using var h = new SchedulerHarness((_, _) => Task.FromResult(SchedulerHarness.Ok), extraProvider: flaky);
        await h.StartAsync();
        await Eventually.TrueAsync(() => h.Scheduler.TargetCount == 1, "first enumeration applied");

        await Eventually.TrueAsync(() => flaky.Enumerations == 1 && flaky.Failed, "provider failed");
        Assert.Equal("first:1", Assert.Single(h.Scheduler.Targets()).Node.Instance);

        // The restart delay starts once the scheduler has handled the failure; keep the clock moving until then.
        await Eventually.TrueAsync(
            () =>
            {
                h.Time.Advance(ScrapeScheduler.ProviderRestartDelay);
                return h.Scheduler.Targets() is [{ Node.Instance: "second:1" }];
            },
            "second enumeration applied");
        Assert.Equal(2, flaky.Enumerations);
    }

    private sealed class FlakyProvider : ITargetProvider
    {
        private int _enumerations;

        public string Name => "flaky";

        public int Enumerations => Volatile.Read(ref _enumerations);

        public bool Failed { get; private set; }

        public async IAsyncEnumerable<TargetGroup> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _enumerations);
            var instance = n == 1 ? "first:1" : "second:1";
            yield return new TargetGroup("flaky", [SchedulerHarness.Target(instance, Interval, Timeout)]);
            if (n == 1)
            {
                Failed = true;
                throw new IOException("disk gone");
            }
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
        }
    }
}
