namespace Gateway.Snmp.Notifications;

/// <summary>
/// Token-bucket rate limiter: <see cref="RatePerSecond"/> tokens refill continuously up to
/// <see cref="Burst"/>. Thread-safe; time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private double _tokens;
    private long _last;

    public TokenBucket(double ratePerSecond, int burst, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        RatePerSecond = ratePerSecond;
        Burst = burst;
        _time = timeProvider ?? TimeProvider.System;
        _tokens = burst;
        _last = _time.GetTimestamp();
    }

    public double RatePerSecond { get; }

    public int Burst { get; }

    /// <summary>Takes <paramref name="count"/> tokens if available.</summary>
    public bool TryTake(int count = 1)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens < count)
            {
                return false;
            }

            _tokens -= count;
            return true;
        }
    }

    /// <summary>How long until <paramref name="count"/> tokens are available (zero if now).</summary>
    public TimeSpan TimeUntilAvailable(int count = 1)
    {
        lock (_gate)
        {
            Refill();
            double missing = count - _tokens;
            return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(missing / RatePerSecond);
        }
    }

    private void Refill()
    {
        long now = _time.GetTimestamp();
        double elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
        _last = now;
        if (elapsed > 0)
        {
            _tokens = Math.Min(Burst, _tokens + (elapsed * RatePerSecond));
        }
    }
}
