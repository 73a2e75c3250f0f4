using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Outbox;

/// <summary>An exporter that hangs is cancelled after <c>outbox.attemptTimeout</c> and the batch is retried.</summary>
public sealed class OutboxAttemptTimeoutTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private readonly OutboxOptions _options = new() { Jitter = 0, AttemptTimeout = TimeSpan.FromSeconds(30), InitialBackoff = TimeSpan.FromSeconds(1) };

    public void Dispose() => _dir.Dispose();

    private EventOutbox Open() => new("hang", _dir.File("hang.db"), _options, _time, NullLogger.Instance);

    [Fact]
    public async Task A_hanging_attempt_is_cancelled_at_the_timeout_and_counts_as_a_retry()
    {
        using var outbox = Open();
        var e = TestEvents.Alarm();
        await outbox.AppendAsync(e);
        var exporter = new HangingExporter();
        var delivery = new OutboxDelivery(exporter, outbox, _options, _time, NullLogger.Instance);

        var attempt = delivery.DeliverOnceAsync(CancellationToken.None);
        await Eventually.True(() => exporter.Calls == 1, "the exporter called");
        _time.Advance(TimeSpan.FromSeconds(29));
        var stillWaiting = !attempt.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));
        var step = await attempt;

        Assert.True(stillWaiting, "the attempt ended before its timeout");
        Assert.Equal(DeliveryOutcome.Retrying, step.Outcome);
        Assert.Contains("timed out after 00:00:30", step.Reason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), step.Delay);
        Assert.Equal(1, outbox.Statistics.Retries);
        Assert.Equal(1, outbox.Statistics.Depth);
    }

    [Fact]
    public async Task An_exporter_that_ignores_cancellation_does_not_stall_the_loop_nor_run_twice_at_once()
    {
        using var outbox = Open();
        var e = TestEvents.Alarm();
        await outbox.AppendAsync(e);
        var exporter = new HangingExporter { IgnoresCancellation = true };
        var delivery = new OutboxDelivery(exporter, outbox, _options, _time, NullLogger.Instance);

        var first = delivery.DeliverOnceAsync(CancellationToken.None);
        await Eventually.True(() => exporter.Calls == 1, "the exporter called");
        _time.Advance(TimeSpan.FromSeconds(30));
        var timedOut = await first;

        // The abandoned call still runs: the next attempt waits for it (up to one more timeout) instead of calling again.
        var second = delivery.DeliverOnceAsync(CancellationToken.None);
        var secondWaited = !second.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(30));
        var stillRunning = await second;

        exporter.Release(DeliveryResult.Delivered);
        var third = await delivery.DeliverOnceAsync(CancellationToken.None);
        var calls = exporter.Calls;
        exporter.Release(DeliveryResult.Delivered);

        Assert.Equal(DeliveryOutcome.Retrying, timedOut.Outcome);
        Assert.True(secondWaited, "the second attempt did not wait for the abandoned one");
        Assert.Equal(DeliveryOutcome.Retrying, stillRunning.Outcome);
        Assert.Contains("ignores cancellation", stillRunning.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryOutcome.Delivered, third.Outcome);
        Assert.Equal(2, calls);
        Assert.Equal(0, exporter.Overlapped);
        Assert.Equal(0, outbox.Statistics.Depth);
    }

    [Fact]
    public async Task Shutdown_during_a_hanging_attempt_stops_the_loop_without_a_retry()
    {
        using var outbox = Open();
        await outbox.AppendAsync(TestEvents.Alarm());
        var exporter = new HangingExporter();
        var delivery = new OutboxDelivery(exporter, outbox, _options, _time, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var loop = delivery.RunAsync(stop.Token);
        await Eventually.True(() => exporter.Calls == 1, "the exporter called");
        await stop.CancelAsync();
        await loop;

        Assert.Equal(0, outbox.Statistics.Retries);
        Assert.Equal(1, outbox.Statistics.Depth);
    }
}
