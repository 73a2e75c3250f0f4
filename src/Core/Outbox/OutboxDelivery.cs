using Gateway.Core.Export;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Outbox;

/// <summary>
/// The delivery loop of one push exporter: takes batches from the head of its outbox, hands them to
/// the exporter, and acts on the answer. Delivered → removed. Retry → the same batch stays at the head
/// (order is kept) and is tried again after exponential backoff with jitter, or after the peer's
/// Retry-After; after <see cref="OutboxOptions.BreakerFailures"/> failures in a row the breaker opens
/// and attempts are at least <see cref="OutboxOptions.BreakerPause"/> apart. Reject → a single event is
/// dead-lettered; a batch of several is retried one event at a time so only the bad ones are lost.
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
            }
            else
            {
                var head = await _outbox.PeekAsync(_options.MaxBatchEvents, _options.MaxBatchBytes, cancellationToken);
                if (head.Count == 0)
                {
                    return new DeliveryStep(DeliveryOutcome.Idle, 0, TimeSpan.Zero);
                }
                _batch = head;
            }
        }
        var batch = _batch;
        var events = new Gateway.Core.Events.GatewayEvent[batch.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = batch[i].Event;
        }
        DeliveryResult result;
        try
        {
            result = await _exporter.DeliverAsync(events, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // An exporter that throws is treated as a temporary failure: its bug must not lose events.
            LogExporterThrew(ex, _exporter.Name);
            result = DeliveryResult.Retry(ex.GetType().Name + ": " + ex.Message);
        }
        switch (result)
        {
            case DeliveryResult.DeliveredResult:
                await _outbox.AcknowledgeAsync(batch, CancellationToken.None);
                _batch = null;
                Succeeded();
                return new DeliveryStep(DeliveryOutcome.Delivered, batch.Count, TimeSpan.Zero);
            case DeliveryResult.RetryResult retry:
                {
                    Statistics.AddRetry();
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
                    LogRetry(_exporter.Name, batch.Count, retry.Reason, delay);
                    return new DeliveryStep(DeliveryOutcome.Retrying, 0, delay, retry.Reason);
                }
            case DeliveryResult.RejectedResult reject when batch.Count > 1:
                // Find the bad event(s): the same events go again one at a time, in order.
                LogIsolating(_exporter.Name, batch.Count, reject.Reason);
                foreach (var entry in batch)
                {
                    _isolating.Enqueue(entry);
                }
                _batch = null;
                return new DeliveryStep(DeliveryOutcome.Isolating, 0, TimeSpan.Zero, reject.Reason);
            case DeliveryResult.RejectedResult reject:
                await _outbox.DeadLetterAsync(batch, reject.Reason, CancellationToken.None);
                _batch = null;
                LogDeadLettered(_exporter.Name, batch[0].Event.Id, reject.Reason);
                Succeeded();
                return new DeliveryStep(DeliveryOutcome.DeadLettered, batch.Count, TimeSpan.Zero, reject.Reason);
            default:
                throw new InvalidOperationException("unknown delivery result " + result);
        }
    }

    private void Succeeded()
    {
        Statistics.ResetFailures();
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
