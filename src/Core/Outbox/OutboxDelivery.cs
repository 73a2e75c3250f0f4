using Gateway.Core.Events;
using Gateway.Core.Export;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Outbox;

/// <summary>
/// The delivery loop of one push exporter: takes batches from the head of its outbox, hands them to
/// the exporter, and acts on the answer. Delivered → removed. Retry → the events the exporter says went
/// through are removed and the rest stays at the head (order is kept), tried again after exponential
/// backoff with jitter, or after the peer's Retry-After; after <see cref="OutboxOptions.BreakerFailures"/>
/// failures in a row the breaker opens and attempts are at least <see cref="OutboxOptions.BreakerPause"/>
/// apart. Reject → the delivered head is removed, a single remaining event is dead-lettered, several are
/// retried one at a time so only the bad ones are lost. An attempt that takes longer than
/// <see cref="OutboxOptions.AttemptTimeout"/> is cancelled and counts as a retry.
/// </summary>
public sealed partial class OutboxDelivery
{
    private readonly IEventExporter _exporter;
    private readonly EventOutbox _outbox;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly Queue<OutboxEntry> _isolating = new();
    private IReadOnlyList<OutboxEntry>? _batch;
    private bool _batchPeeked;
    private Task? _abandoned;

    public OutboxDelivery(IEventExporter exporter, EventOutbox outbox, OutboxOptions options, TimeProvider time, ILogger logger, Random? random = null)
    {
        _exporter = exporter;
        _outbox = outbox;
        _options = options;
        _time = time;
        _logger = logger;
        _random = random ?? Random.Shared;
    }

    public OutboxStatistics Statistics => _outbox.Statistics;

    /// <summary>Runs until cancelled. Never throws except for cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            DeliveryStep step;
            try
            {
                step = await DeliverOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The outbox itself failed (disk full, I/O error): keep the loop alive and try again later.
                var failures = Statistics.AddFailure();
                var delay = Backoff(failures);
                LogStorageFailure(ex, _exporter.Name, delay);
                step = new DeliveryStep(DeliveryOutcome.Retrying, 0, delay, ex.Message);
            }
            try
            {
                if (step.Outcome == DeliveryOutcome.Idle)
                {
                    await _outbox.WaitForEventsAsync(cancellationToken);
                }
                else if (step.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(step.Delay, _time, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One attempt: deliver the head batch (or the next isolated event) and record the outcome.</summary>
    public async Task<DeliveryStep> DeliverOnceAsync(CancellationToken cancellationToken)
    {
        if (_batch is null)
        {
            if (_isolating.Count > 0)
            {
                _batch = [_isolating.Dequeue()];
                _batchPeeked = false;
            }
            else
            {
                var head = await _outbox.PeekAsync(_options.MaxBatchEvents, _options.MaxBatchBytes, cancellationToken);
                if (head.Count == 0)
                {
                    return new DeliveryStep(DeliveryOutcome.Idle, 0, TimeSpan.Zero);
                }
                _batch = head;
                _batchPeeked = true;
            }
        }
        var batch = _batch;
        var result = await PreviousAttemptFinishedAsync(cancellationToken)
            ? await AttemptAsync(batch, cancellationToken)
            : DeliveryResult.Retry($"the previous attempt still runs {_options.AttemptTimeout} after its timeout; the exporter ignores cancellation");
        switch (result)
        {
            case DeliveryResult.DeliveredResult:
                await _outbox.AcknowledgeAsync(batch, CancellationToken.None);
                return Delivered(batch.Count);
            case DeliveryResult.FailingResult failing:
                {
                    var delivered = await AcknowledgeHeadAsync(batch, failing.DeliveredCount);
                    if (delivered == batch.Count)
                    {
                        return Delivered(delivered);
                    }
                    Statistics.AddRetry();
                    Statistics.AddFailure();
                    Statistics.SetLastError(failing.Reason, _time.GetUtcNow());
                    if (Statistics.SetFailing(true))
                    {
                        LogFailing(_exporter.Name, batch.Count - delivered, failing.Reason, _options.MaxBackoff);
                    }
                    // No breaker, no backoff growth: a refused key does not heal by waiting, it is fixed by someone.
                    return new DeliveryStep(DeliveryOutcome.Failing, delivered, _options.MaxBackoff, failing.Reason);
                }
            case DeliveryResult.RetryResult retry:
                {
                    var delivered = await AcknowledgeHeadAsync(batch, retry.DeliveredCount);
                    if (delivered == batch.Count)
                    {
                        return Delivered(delivered);
                    }
                    if (delivered > 0)
                    {
                        // Progress (e.g. a rate limit reached halfway): not a failure in a row.
                        Succeeded();
                    }
                    Statistics.AddRetry();
                    Statistics.SetLastError(retry.Reason, _time.GetUtcNow());
                    var failures = Statistics.AddFailure();
                    var delay = retry.After is { } after
                        ? TimeSpan.FromTicks(Math.Clamp(after.Ticks, 0, _options.MaxRetryAfter.Ticks))
                        : Backoff(failures);
                    if (failures >= _options.BreakerFailures)
                    {
                        if (!Statistics.BreakerOpen)
                        {
                            Statistics.SetBreakerOpen(true);
                            LogBreakerOpen(_exporter.Name, failures, retry.Reason);
                        }
                        if (delay < _options.BreakerPause)
                        {
                            delay = _options.BreakerPause;
                        }
                    }
                    if (_batchPeeked)
                    {
                        // The next attempt reads the head again: the same events lead, in the same order, and
                        // events appended meanwhile may join them (up to maxBatchEvents). An exporter that holds
                        // a batch on purpose (the e-mail digest) then sees everything waiting, not a frozen list.
                        _batch = null;
                    }
                    LogRetry(_exporter.Name, batch.Count - delivered, retry.Reason, delay);
                    return new DeliveryStep(DeliveryOutcome.Retrying, delivered, delay, retry.Reason);
                }
            case DeliveryResult.RejectedResult reject:
                {
                    var delivered = await AcknowledgeHeadAsync(batch, reject.DeliveredCount);
                    Statistics.SetLastError(reject.Reason, _time.GetUtcNow());
                    var rest = _batch ?? [];
                    _batch = null;
                    if (rest.Count == 0)
                    {
                        return Delivered(delivered);
                    }
                    if (rest.Count > 1)
                    {
                        // Find the bad event(s): the same events go again one at a time, in order.
                        LogIsolating(_exporter.Name, rest.Count, reject.Reason);
                        foreach (var entry in rest)
                        {
                            _isolating.Enqueue(entry);
                        }
                        return new DeliveryStep(DeliveryOutcome.Isolating, delivered, TimeSpan.Zero, reject.Reason);
                    }
                    await _outbox.DeadLetterAsync(rest, reject.Reason, CancellationToken.None);
                    LogDeadLettered(_exporter.Name, rest[0].Event.Id, reject.Reason);
                    Succeeded();
                    return new DeliveryStep(DeliveryOutcome.DeadLettered, rest.Count, TimeSpan.Zero, reject.Reason);
                }
            default:
                throw new InvalidOperationException("unknown delivery result " + result);
        }
    }

    /// <summary>Hands the batch to the exporter under the attempt timeout; a throw or a timeout is a retry.</summary>
    private async Task<DeliveryResult> AttemptAsync(IReadOnlyList<OutboxEntry> batch, CancellationToken cancellationToken)
    {
        var events = new GatewayEvent[batch.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = batch[i].Event;
        }
        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Task<DeliveryResult>? attempt = null;
        try
        {
            var pending = _exporter.DeliverAsync(events, linked.Token);
            if (pending.IsCompletedSuccessfully)
            {
                return pending.Result;
            }
            attempt = pending.AsTask();
            // Waiting on the token too: an exporter that ignores it still cannot stall the loop.
            return await attempt.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            if (attempt is { IsCompletedSuccessfully: true })
            {
                return attempt.Result; // finished just as the timeout fired
            }
            if (attempt is { IsCompleted: false })
            {
                Abandon(attempt);
            }
            LogAttemptTimedOut(_exporter.Name, events.Length, _options.AttemptTimeout);
            return DeliveryResult.Retry($"the attempt timed out after {_options.AttemptTimeout}");
        }
        catch (Exception ex)
        {
            // An exporter that throws is treated as a temporary failure: its bug must not lose events.
            LogExporterThrew(ex, _exporter.Name);
            return DeliveryResult.Retry(ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>
    /// An exporter is never called twice at once: when an abandoned attempt (one that ignored its
    /// cancellation) still runs, wait for it up to another attempt timeout.
    /// </summary>
    private async Task<bool> PreviousAttemptFinishedAsync(CancellationToken cancellationToken)
    {
        if (_abandoned is not { } running)
        {
            return true;
        }
        try
        {
            await running.WaitAsync(_options.AttemptTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Its outcome no longer matters: the batch it had is still in the outbox.
        }
        _abandoned = null;
        return true;
    }

    private void Abandon(Task<DeliveryResult> attempt)
    {
        _abandoned = attempt;
        _ = attempt.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Removes the first <paramref name="count"/> events of the batch; the rest stays the batch in flight.</summary>
    private async Task<int> AcknowledgeHeadAsync(IReadOnlyList<OutboxEntry> batch, int count)
    {
        var delivered = Math.Clamp(count, 0, batch.Count);
        if (delivered == 0)
        {
            return 0;
        }
        var head = new OutboxEntry[delivered];
        for (var i = 0; i < delivered; i++)
        {
            head[i] = batch[i];
        }
        await _outbox.AcknowledgeAsync(head, CancellationToken.None);
        _batch = delivered == batch.Count ? null : batch.Skip(delivered).ToArray();
        return delivered;
    }

    private DeliveryStep Delivered(int events)
    {
        _batch = null;
        Succeeded();
        return new DeliveryStep(DeliveryOutcome.Delivered, events, TimeSpan.Zero);
    }

    private void Succeeded()
    {
        Statistics.ResetFailures();
        if (Statistics.SetFailing(false))
        {
            LogRecovered(_exporter.Name);
        }
        if (Statistics.BreakerOpen)
        {
            Statistics.SetBreakerOpen(false);
            LogBreakerClosed(_exporter.Name);
        }
    }

    /// <summary>initialBackoff · 2^(failures−1), capped at maxBackoff, spread by ±jitter.</summary>
    private TimeSpan Backoff(long failures)
    {
        var exponent = Math.Min(failures - 1, 30);
        var ms = Math.Min(_options.InitialBackoff.TotalMilliseconds * Math.Pow(2, exponent), _options.MaxBackoff.TotalMilliseconds);
        if (_options.Jitter > 0)
        {
            ms *= 1 + (_options.Jitter * ((2 * _random.NextDouble()) - 1));
        }
        return TimeSpan.FromMilliseconds(Math.Max(ms, 0));
    }
}
