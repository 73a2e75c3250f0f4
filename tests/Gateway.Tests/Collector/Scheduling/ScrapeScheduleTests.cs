using Gateway.Collector.Scheduling;
using Gateway.Core.Nodes;

namespace Gateway.Tests.Collector.Scheduling;

public sealed class ScrapeScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    [Fact]
    public void Offset_is_stable_and_inside_the_interval()
    {
        var node = new NodeKey("node", "10.0.0.1:9100");
        var offset = ScrapeSchedule.Offset(node, Interval);
        Assert.Equal(offset, ScrapeSchedule.Offset(new NodeKey("node", "10.0.0.1:9100"), Interval));
        Assert.InRange(offset, TimeSpan.Zero, Interval - TimeSpan.FromTicks(1));
    }

    [Fact]
    public void Offsets_of_ten_thousand_similar_nodes_spread_evenly_over_the_interval()
    {
        var buckets = new int[15];
        for (var i = 0; i < 10_000; i++)
        {
            var offset = ScrapeSchedule.Offset(new NodeKey("node", $"10.0.{i / 256}.{i % 256}:9100"), Interval);
            buckets[(int)(offset.Ticks * 15 / Interval.Ticks)]++;
        }
        // 10,000 / 15 ≈ 667 per second of the interval; a clumping hash would leave buckets near 0.
        Assert.All(buckets, count => Assert.InRange(count, 500, 850));
    }

    [Fact]
    public void Next_slot_is_the_first_moment_at_the_nodes_phase_after_now()
    {
        var epoch = DateTimeOffset.UnixEpoch.AddSeconds(1_000_000_005); // phase 5 s within a 15 s interval (1e9 % 15 = 10)
        var offset = TimeSpan.FromSeconds(12);
        var next = ScrapeSchedule.NextSlot(epoch, Interval, offset);
        Assert.Equal(epoch.AddSeconds(-(1_000_000_005 % 15) + 12), next);
        Assert.Equal(next.AddSeconds(15), ScrapeSchedule.NextSlot(next, Interval, offset));
    }

    [Fact]
    public void Backoff_doubles_from_the_interval_up_to_ten_intervals()
    {
        var interval = TimeSpan.FromSeconds(10);
        var delays = Enumerable.Range(1, 7).Select(n => ScrapeSchedule.Backoff(n, interval, TimeSpan.FromMinutes(5)).TotalSeconds);
        Assert.Equal([10, 20, 40, 80, 100, 100, 100], delays);
    }

    [Fact]
    public void Backoff_is_capped_by_max_backoff_but_never_below_the_interval()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), ScrapeSchedule.BackoffCap(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromMinutes(10), ScrapeSchedule.BackoffCap(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromMinutes(5), ScrapeSchedule.Backoff(1000, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)));
    }
}
