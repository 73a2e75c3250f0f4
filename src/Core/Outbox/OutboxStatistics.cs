namespace Gateway.Core.Outbox;

/// <summary>
/// Counters of one exporter's outbox, for the host to publish (<c>gateway_outbox_depth</c>,
/// <c>gateway_exporter_sent_total</c> …). Counters are process-lifetime (they restart at zero, as
/// Prometheus counters may); depths are read from the outbox at start.
/// </summary>
public sealed class OutboxStatistics
{
    private long _depth;
    private long _depthBytes;
    private long _alarmDepth;
    private long _appended;
    private long _delivered;
    private long _retries;
    private long _deadLettered;
    private long _dropped;
    private long _overQuota;
    private long _consecutiveFailures;
    private int _breakerOpen;
    private int _failing;
    private ExporterError? _lastError;

    public OutboxStatistics(string exporter)
    {
        Exporter = exporter;
    }

    public string Exporter { get; }

    /// <summary>Events waiting (including the batch in flight).</summary>
    public long Depth => Interlocked.Read(ref _depth);

    /// <summary>Payload bytes waiting.</summary>
    public long DepthBytes => Interlocked.Read(ref _depthBytes);

    /// <summary>Alarm events waiting (the protected part of <see cref="Depth"/>).</summary>
    public long AlarmDepth => Interlocked.Read(ref _alarmDepth);

    /// <summary>Events accepted into the outbox.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    /// <summary>Events the exporter said it delivered.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Delivery attempts answered with retry (or an exception).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Events moved to the dead-letter table (rejected by the exporter or unreadable).</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Notifications and node events dropped by the quota (oldest first, or refused when only alarms are left).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Alarm events kept although the outbox was over its quota (alarms are never dropped).</summary>
    public long OverQuota => Interlocked.Read(ref _overQuota);

    /// <summary>Failed attempts since the last success.</summary>
    public long ConsecutiveFailures => Interlocked.Read(ref _consecutiveFailures);

    /// <summary>Whether the breaker is open (delivery paused after repeated failures).</summary>
    public bool BreakerOpen => Volatile.Read(ref _breakerOpen) != 0;

    /// <summary>
    /// Whether the peer refuses the exporter itself (a wrong or revoked key, <see cref="Export.DeliveryResult.Failing"/>):
    /// <c>gateway_exporter_up 0</c>; cleared by the next delivery that goes through.
    /// </summary>
    public bool Failing => Volatile.Read(ref _failing) != 0;

    /// <summary>The reason of the most recent retry, rejection or failing answer, and when; null before the first.</summary>
    public ExporterError? LastError => Volatile.Read(ref _lastError);

    /// <summary>Sets <see cref="Failing"/>; true when it changed.</summary>
    internal bool SetFailing(bool failing) => Interlocked.Exchange(ref _failing, failing ? 1 : 0) != (failing ? 1 : 0);

    internal void SetLastError(string reason, DateTimeOffset time) => Volatile.Write(ref _lastError, new ExporterError(reason, time));

    internal void SetDepth(long events, long bytes, long alarms)
    {
        Interlocked.Exchange(ref _depth, events);
        Interlocked.Exchange(ref _depthBytes, bytes);
        Interlocked.Exchange(ref _alarmDepth, alarms);
    }

    internal void AddAppended(long n) => Interlocked.Add(ref _appended, n);

    internal void AddDelivered(long n) => Interlocked.Add(ref _delivered, n);

    internal void AddRetry() => Interlocked.Increment(ref _retries);

    internal void AddDeadLettered(long n) => Interlocked.Add(ref _deadLettered, n);

    internal void AddDropped(long n) => Interlocked.Add(ref _dropped, n);

    internal void AddOverQuota() => Interlocked.Increment(ref _overQuota);

    internal long AddFailure() => Interlocked.Increment(ref _consecutiveFailures);

    internal void ResetFailures() => Interlocked.Exchange(ref _consecutiveFailures, 0);

    internal void SetBreakerOpen(bool open) => Volatile.Write(ref _breakerOpen, open ? 1 : 0);
}
