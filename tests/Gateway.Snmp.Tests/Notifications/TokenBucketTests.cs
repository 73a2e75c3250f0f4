using Gateway.Snmp.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Snmp.Tests.Notifications;

public sealed class TokenBucketTests
{
    [Fact]
    public void A_full_bucket_allows_the_burst_then_refills_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 3, time);
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.TimeUntilAvailable());
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void Idle_time_never_fills_beyond_the_burst()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(ratePerSecond: 100, burst: 2, time);
        time.Advance(TimeSpan.FromHours(1));
        Assert.True(bucket.TryTake(2));
        Assert.False(bucket.TryTake());
    }
}
