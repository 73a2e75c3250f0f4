using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Outbox;

public sealed class OutboxDeliveryTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private readonly OutboxOptions _options = new() { Jitter = 0, MaxBatchEvents = 3 };

    public void Dispose() => _dir.Dispose();

    private EventOutbox Open() => new("test", _dir.File("test.db"), _options, _time, NullLogger.Instance);

    private OutboxDelivery Delivery(ScriptedExporter exporter, EventOutbox outbox) =>
        new(exporter, outbox, _options, _time, NullLogger.Instance);

    private static async Task<List<DeliveryStep>> DrainAsync(OutboxDelivery delivery)
    {
        var steps = new List<DeliveryStep>();
        for (var i = 0; i < 100; i++)
        {
            var step = await delivery.DeliverOnceAsync(CancellationToken.None);
            if (step.Outcome == DeliveryOutcome.Idle)
            {
                return steps;
            }
            steps.Add(step);
        }
        throw new InvalidOperationException("the outbox never drained");
    }

    [Fact]
    public async Task Retries_then_success_deliver_each_event_exactly_once_in_order()
    {
        using var outbox = Open();
        var events = Enumerable.Range(0, 7).Select(_ => TestEvents.Alarm()).ToArray();
        await outbox.AppendAsync(events);
        var exporter = new ScriptedExporter()
            .Then(DeliveryResult.Retry("down"))
            .Then(DeliveryResult.Retry("down"))
            .Then(DeliveryResult.Delivered)
            .Then(DeliveryResult.Retry("down again"));
        var delivery = Delivery(exporter, outbox);

        var steps = await DrainAsync(delivery);

        Assert.Equal(events.Select(e => e.Id), exporter.Delivered.Select(e => e.Id));
        Assert.Equal(
            [DeliveryOutcome.Retrying, DeliveryOutcome.Retrying, DeliveryOutcome.Delivered, DeliveryOutcome.Retrying, DeliveryOutcome.Delivered, DeliveryOutcome.Delivered],
            steps.Select(s => s.Outcome));
        // A retried batch is the same batch (same ids, same order).
        Assert.Equal(exporter.Calls[0].Select(e => e.Id), exporter.Calls[2].Select(e => e.Id));
        Assert.Equal(3, outbox.Statistics.Retries);
        Assert.Equal(7, outbox.Statistics.Delivered);
        Assert.Equal(0, outbox.Statistics.Depth);
    }

    [Fact]
    public async Task A_retried_batch_is_read_again_so_events_appended_meanwhile_join_it_behind_the_same_head()
    {
        using var outbox = Open();
        var first = TestEvents.Alarm();
        await outbox.AppendAsync(first);
        var exporter = new ScriptedExporter().Then(DeliveryResult.Retry("not yet", TimeSpan.FromMinutes(5)));
        var delivery = Delivery(exporter, outbox);
        await delivery.DeliverOnceAsync(CancellationToken.None);
        var later = new[] { TestEvents.Alarm(), TestEvents.Alarm(), TestEvents.Alarm() };
        await outbox.AppendAsync(later);

        var step = await delivery.DeliverOnceAsync(CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, step.Outcome);
        // The head stays first; the batch limit (3) still holds.
        Assert.Equal([first.Id, later[0].Id, later[1].Id], exporter.Calls[1].Select(e => e.Id));
        await DrainAsync(delivery);
        Assert.Equal([first.Id, .. later.Select(e => e.Id)], exporter.Delivered.Select(e => e.Id));
    }

    [Fact]
    public async Task Backoff_doubles_per_failure_up_to_the_maximum()
    {
        _options.InitialBackoff = TimeSpan.FromSeconds(1);
        _options.MaxBackoff = TimeSpan.FromSeconds(5);
        _options.BreakerFailures = 100;
        using var outbox = Open();
        await outbox.AppendAsync(TestEvents.Alarm());
        var exporter = new ScriptedExporter { Otherwise = _ => DeliveryResult.Retry("down") };
        var delivery = Delivery(exporter, outbox);

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            delays.Add((await delivery.DeliverOnceAsync(CancellationToken.None)).Delay);
        }

        Assert.Equal([1, 2, 4, 5, 5], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task Jitter_spreads_the_backoff_within_its_fraction()
    {
        _options.Jitter = 0.5;
        _options.BreakerFailures = 100;
        using var outbox = Open();
        await outbox.AppendAsync(TestEvents.Alarm());
        var delivery = new OutboxDelivery(new ScriptedExporter { Otherwise = _ => DeliveryResult.Retry("down") }, outbox, _options, _time, NullLogger.Instance, new Random(42));

        var delay = (await delivery.DeliverOnceAsync(CancellationToken.None)).Delay;

        Assert.InRange(delay.TotalMilliseconds, 500, 1500);
    }

    [Fact]
    public async Task Retry_after_from_the_peer_is_the_delay()
    {
        using var outbox = Open();
        await outbox.AppendAsync(TestEvents.Alarm());
        var delivery = Delivery(new ScriptedExporter().Then(DeliveryResult.Retry("429", TimeSpan.FromSeconds(30))), outbox);

        var step = await delivery.DeliverOnceAsync(CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retrying, step.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), step.Delay);
        Assert.Equal("429", step.Reason);
    }

    [Fact]
    public async Task The_breaker_opens_after_repeated_failures_and_closes_on_success()
    {
        _options.BreakerFailures = 3;
        _options.BreakerPause = TimeSpan.FromMinutes(1);
        using var outbox = Open();
        await outbox.AppendAsync(TestEvents.Alarm());
        var exporter = new ScriptedExporter()
            .Then(DeliveryResult.Retry("x")).Then(DeliveryResult.Retry("x")).Then(DeliveryResult.Retry("x"));
        var delivery = Delivery(exporter, outbox);

        await delivery.DeliverOnceAsync(CancellationToken.None);
        await delivery.DeliverOnceAsync(CancellationToken.None);
        Assert.False(outbox.Statistics.BreakerOpen);
        var third = await delivery.DeliverOnceAsync(CancellationToken.None);

        Assert.True(outbox.Statistics.BreakerOpen);
        Assert.Equal(TimeSpan.FromMinutes(1), third.Delay);
        Assert.Equal(3, outbox.Statistics.ConsecutiveFailures);

        await delivery.DeliverOnceAsync(CancellationToken.None);
        Assert.False(outbox.Statistics.BreakerOpen);
        Assert.Equal(0, outbox.Statistics.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_rejected_event_is_dead_lettered_and_delivery_goes_on()
    {
        _options.MaxBatchEvents = 1;
        using var outbox = Open();
        var bad = TestEvents.Alarm();
        var good = TestEvents.Alarm();
        await outbox.AppendAsync([bad, good]);
        var exporter = new ScriptedExporter().Then(DeliveryResult.Reject("invalid"));
        var delivery = Delivery(exporter, outbox);

        var steps = await DrainAsync(delivery);

        Assert.Equal([DeliveryOutcome.DeadLettered, DeliveryOutcome.Delivered], steps.Select(s => s.Outcome));
        Assert.Equal([good.Id], exporter.Delivered.Select(e => e.Id));
        Assert.Equal(bad.Id, Assert.Single(await outbox.GetDeadLettersAsync(10)).EventId);
        Assert.Equal(1, outbox.Statistics.DeadLettered);
    }

    [Fact]
    public async Task A_rejected_batch_is_retried_one_by_one_so_only_the_bad_event_is_dead_lettered()
    {
        using var outbox = Open();
        var events = new[] { TestEvents.Alarm(), TestEvents.Notification("poison"), TestEvents.Alarm() };
        await outbox.AppendAsync(events);
        var exporter = new ScriptedExporter
        {
            Otherwise = batch => batch.Any(e => e.Notification?.Message == "poison") ? DeliveryResult.Reject("bad event") : DeliveryResult.Delivered,
        };
        var delivery = Delivery(exporter, outbox);

        var steps = await DrainAsync(delivery);

        Assert.Equal(
            [DeliveryOutcome.Isolating, DeliveryOutcome.Delivered, DeliveryOutcome.DeadLettered, DeliveryOutcome.Delivered],
            steps.Select(s => s.Outcome));
        Assert.Equal([events[0].Id, events[2].Id], exporter.Delivered.Select(e => e.Id));
        Assert.Equal(events[1].Id, Assert.Single(await outbox.GetDeadLettersAsync(10)).EventId);
    }

    [Fact]
    public async Task An_exporter_that_throws_is_retried_not_lost()
    {
        using var outbox = Open();
        var e = TestEvents.Alarm();
        await outbox.AppendAsync(e);
        var exporter = new ScriptedExporter().Then(_ => throw new IOException("connection reset"));
        var delivery = Delivery(exporter, outbox);

        var steps = await DrainAsync(delivery);

        Assert.Equal([DeliveryOutcome.Retrying, DeliveryOutcome.Delivered], steps.Select(s => s.Outcome));
        Assert.Contains("connection reset", steps[0].Reason, StringComparison.Ordinal);
        Assert.Equal([e.Id], exporter.Delivered.Select(d => d.Id));
    }

    [Fact]
    public async Task After_a_crash_the_new_instance_delivers_everything_not_acknowledged_once_in_order()
    {
        var events = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? TestEvents.Alarm() : TestEvents.Notification()).ToArray();
        var first = Open();
        await first.AppendAsync(events);
        var before = new ScriptedExporter().Then(DeliveryResult.Delivered).Then(DeliveryResult.Retry("peer down"));
        var crashed = Delivery(before, first);
        await crashed.DeliverOnceAsync(CancellationToken.None); // 3 delivered
        await crashed.DeliverOnceAsync(CancellationToken.None); // next 3 in flight, not delivered

        // The process dies here: nothing disposed, nothing drained.
        using var second = Open();
        var after = new ScriptedExporter();
        await DrainAsync(Delivery(after, second));

        Assert.Equal(events.Take(3).Select(e => e.Id), before.Delivered.Select(e => e.Id));
        Assert.Equal(events.Skip(3).Select(e => e.Id), after.Delivered.Select(e => e.Id));
        GC.KeepAlive(first);
    }

    [Fact]
    public async Task The_loop_waits_for_new_events_and_honours_retry_after_on_the_time_provider()
    {
        using var outbox = Open();
        var attempts = new List<DateTimeOffset>();
        var exporter = new ScriptedExporter()
            .Then(_ =>
            {
                attempts.Add(_time.GetUtcNow());
                return DeliveryResult.Retry("429", TimeSpan.FromSeconds(30));
            })
            .Then(_ =>
            {
                attempts.Add(_time.GetUtcNow());
                return DeliveryResult.Delivered;
            });
        var delivery = Delivery(exporter, outbox);
        using var stop = new CancellationTokenSource();
        var loop = delivery.RunAsync(stop.Token);

        var e = TestEvents.Alarm();
        await outbox.AppendAsync(e);
        await Eventually.True(() => exporter.Calls.Count == 1, "first attempt");
        // Fake time moves in 1 s steps until the retry happens; it must not happen before Retry-After.
        await Eventually.True(
            () =>
            {
                if (exporter.DeliveredCount == 1)
                {
                    return true;
                }
                _time.Advance(TimeSpan.FromSeconds(1));
                return false;
            },
            "delivery after Retry-After");

        await stop.CancelAsync();
        await loop;
        Assert.Equal(e.Id, exporter.Delivered[0].Id);
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromSeconds(30), $"retried after {attempts[1] - attempts[0]}");
    }
}
