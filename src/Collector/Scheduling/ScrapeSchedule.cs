using System.Text;
using Gateway.Core.Nodes;

namespace Gateway.Collector.Scheduling;

/// <summary>
/// The timing rules of the scheduler, as pure functions (no clock, no state) so they can be tested alone.
/// </summary>
public static class ScrapeSchedule
{
    /// <summary>
    /// A stable offset in [0, interval) derived from the node key (FNV-1a over UTF-8 of <c>job/instance</c>).
    /// It is the same on every restart and every gateway instance, so 10,000 nodes spread evenly over
    /// the interval instead of firing together, and a node is scraped at the same phase every cycle.
    /// </summary>
    public static TimeSpan Offset(NodeKey node, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        var hash = Fnv1a64(node.Job);
        hash = Fnv1a64Continue(hash, "/");
        hash = Fnv1a64Continue(hash, node.Instance);
        // FNV's low bits mix poorly for short, similar keys; fold the high half in before the modulo.
        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        return TimeSpan.FromTicks((long)(hash % (ulong)interval.Ticks));
    }

    /// <summary>
    /// The first moment strictly after <paramref name="after"/> whose phase within the interval (counted
    /// from the Unix epoch) equals <paramref name="offset"/>. Used for a new node's first collection and
    /// to realign a node after it recovers.
    /// </summary>
    public static DateTimeOffset NextSlot(DateTimeOffset after, TimeSpan interval, TimeSpan offset)
    {
        var ticks = (after - DateTimeOffset.UnixEpoch).Ticks;
        var phase = ticks % interval.Ticks;
        if (phase < 0)
        {
            phase += interval.Ticks;
        }
        var delta = offset.Ticks - phase;
        if (delta <= 0)
        {
            delta += interval.Ticks;
        }
        return after + TimeSpan.FromTicks(delta);
    }

    /// <summary>
    /// Delay before the next attempt after <paramref name="consecutiveFailures"/> failures in a row:
    /// interval × 2^(failures−1), so one failed cycle does not slow the node down, then 2×, 4×, 8× …,
    /// capped at <see cref="BackoffCap"/>.
    /// </summary>
    public static TimeSpan Backoff(int consecutiveFailures, TimeSpan interval, TimeSpan maxBackoff)
    {
        var cap = BackoffCap(interval, maxBackoff);
        if (consecutiveFailures <= 1)
        {
            return interval;
        }
        var exponent = Math.Min(consecutiveFailures - 1, 30);
        var ticks = interval.Ticks * (double)(1L << exponent);
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// The longest a failing node waits: the smaller of 10 × interval and <paramref name="maxBackoff"/>,
    /// but never less than the interval itself (a node is never tried more often than when healthy).
    /// </summary>
    public static TimeSpan BackoffCap(TimeSpan interval, TimeSpan maxBackoff)
    {
        var tenIntervals = interval.Ticks > TimeSpan.MaxValue.Ticks / 10 ? TimeSpan.MaxValue : interval * 10;
        var cap = tenIntervals < maxBackoff ? tenIntervals : maxBackoff;
        return cap < interval ? interval : cap;
    }

    private static ulong Fnv1a64(string text) => Fnv1a64Continue(14695981039346656037UL, text);

    private static ulong Fnv1a64Continue(ulong hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var byteCount = Encoding.UTF8.GetMaxByteCount(text.Length) <= buffer.Length
            ? Encoding.UTF8.GetBytes(text, buffer)
            : -1;
        var bytes = byteCount >= 0 ? buffer[..byteCount] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
