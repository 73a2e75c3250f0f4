namespace Gateway.Core.Outbox;

/// <summary>
/// Options of every push exporter's outbox and delivery loop: the <c>outbox:</c> section gives the
/// defaults, <c>exporters.&lt;name&gt;.outbox:</c> overrides them per exporter. Defaults are documented in
/// <c>README.md</c>.
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>Most events handed to an exporter in one batch.</summary>
    public int MaxBatchEvents { get; set; } = 500;

    /// <summary>Most payload bytes (JSON) in one batch; a single larger event still goes alone.</summary>
    public long MaxBatchBytes { get; set; } = 1024 * 1024;

    /// <summary>Quota: most events kept per outbox before notifications are dropped.</summary>
    public long MaxEvents { get; set; } = 1_000_000;

    /// <summary>Quota: most payload bytes kept per outbox before notifications are dropped.</summary>
    public long MaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Most rows kept in the dead-letter table (oldest pruned first).</summary>
    public int MaxDeadLetters { get; set; } = 10_000;

    /// <summary>fsync policy, see <see cref="OutboxSynchronous"/>.</summary>
    public OutboxSynchronous Synchronous { get; set; } = OutboxSynchronous.Normal;

    /// <summary>First retry delay; doubles per consecutive failure.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest retry delay from backoff.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Random spread of a backoff delay, as a fraction (0.2 = ±20 %).</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>Longest wait honoured from a peer's Retry-After.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Consecutive failures after which the breaker opens.</summary>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>While the breaker is open, at least this long passes between attempts.</summary>
    public TimeSpan BreakerPause { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest one delivery attempt may take; then it is cancelled and counts as a retry.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public OutboxOptions Clone() => (OutboxOptions)MemberwiseClone();
}
