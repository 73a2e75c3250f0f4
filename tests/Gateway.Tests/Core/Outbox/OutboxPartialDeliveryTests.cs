using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Outbox;

/// <summary>Retry and Reject saying how much of the batch went through: the outbox keeps only the rest.</summary>
public sealed class OutboxPartialDeliveryTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private readonly OutboxOptions _options = new() { Jitter = 0, MaxBatchEvents = 5, BreakerFailures = 2 };

    public void Dispose() => _dir.Dispose();

    private EventOutbox Open() => new("partial", _dir.File("partial.db"), _options, _time, NullLogger.Instance);

    private OutboxDelivery Delivery(ScriptedExporter exporter, EventOutbox outbox) => new(exporter, outbox, _options, _time, NullLogger.Instance);

    [Fact]
    public async Task A_retry_after_part_of_a_batch_acknowledges_that_part_and_hands_back_only_the_rest()
    {
        using var outbox = Open();
        var events = Enumerable.Range(0, 5).Select(_ => TestEvents.Alarm()).ToArray();
        await outbox.AppendAsync(events);
        var exporter = new ScriptedExporter()
            .Then(DeliveryResult.Retry("rate limit", TimeSpan.FromSeconds(2), delivered: 2))
            .Then(DeliveryResult.Retry("rate limit", TimeSpan.FromSeconds(2), delivered: 1));
        var delivery = Delivery(exporter, outbox);

        var first = await delivery.DeliverOnceAsync(CancellationToken.None);
        var depthAfterFirst = outbox.Statistics.Depth;
        var second = await delivery.DeliverOnceAsync(CancellationToken.None);
        var third = await delivery.DeliverOnceAsync(CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Retrying, 2, TimeSpan.FromSeconds(2)), (first.Outcome, first.Events, first.Delay));
        Assert.Equal(3, depthAfterFirst);
        Assert.Equal((DeliveryOutcome.Retrying, 1), (second.Outcome, second.Events));
        Assert.Equal((DeliveryOutcome.Delivered, 2), (third.Outcome, third.Events));
        Assert.Equal(events.Select(e => e.Id), exporter.Calls[0].Select(e => e.Id));
        Assert.Equal(events.Skip(2).Select(e => e.Id), exporter.Calls[1].Select(e => e.Id));
        Assert.Equal(events.Skip(3).Select(e => e.Id), exporter.Calls[2].Select(e => e.Id));
        Assert.Equal(events.Select(e => e.Id), exporter.Delivered.Select(e => e.Id));
        Assert.Equal(5, outbox.Statistics.Delivered);
        Assert.Equal(0, outbox.Statistics.Depth);
    }

    [Fact]
    public async Task A_retry_that_made_progress_does_not_count_towards_the_breaker()
    {
        using var outbox = Open();
        await outbox.AppendAsync(Enumerable.Range(0, 5).Select(_ => TestEvents.Alarm()).ToArray());
        var exporter = new ScriptedExporter()
            .Then(DeliveryResult.Retry("slow", delivered: 1))
            .Then(DeliveryResult.Retry("slow", delivered: 1))
            .Then(DeliveryResult.Retry("slow", delivered: 1));
        var delivery = Delivery(exporter, outbox);

        for (var i = 0; i < 3; i++)
        {
            await delivery.DeliverOnceAsync(CancellationToken.None);
        }

        Assert.False(outbox.Statistics.BreakerOpen);
        Assert.Equal(1, outbox.Statistics.ConsecutiveFailures);
        Assert.Equal(3, outbox.Statistics.Retries);
    }

    [Fact]
    public async Task A_reject_after_part_of_a_batch_dead_letters_only_the_bad_event()
    {
        using var outbox = Open();
        var events = new[] { TestEvents.Alarm(), TestEvents.Alarm(), TestEvents.Notification("poison"), TestEvents.Alarm() };
        await outbox.AppendAsync(events);
        var exporter = new ScriptedExporter
        {
            Otherwise = batch =>
            {
                var bad = batch.ToList().FindIndex(e => e.Notification?.Message == "poison");
                return bad < 0 ? DeliveryResult.Delivered : DeliveryResult.Reject("bad event", delivered: bad);
            },
        };
        var delivery = Delivery(exporter, outbox);

        var steps = new List<DeliveryStep>();
        for (var step = await delivery.DeliverOnceAsync(CancellationToken.None); step.Outcome != DeliveryOutcome.Idle; step = await delivery.DeliverOnceAsync(CancellationToken.None))
        {
            steps.Add(step);
        }

        Assert.Equal([DeliveryOutcome.Isolating, DeliveryOutcome.DeadLettered, DeliveryOutcome.Delivered], steps.Select(s => s.Outcome));
        Assert.Equal([events[0].Id, events[1].Id, events[3].Id], exporter.Delivered.Select(e => e.Id));
        Assert.Equal(events[2].Id, Assert.Single(await outbox.GetDeadLettersAsync(10)).EventId);
        // The two events before the bad one were sent once, not again while isolating.
        Assert.Equal(3, exporter.Calls.Count);
    }

    [Fact]
    public async Task A_count_beyond_the_batch_is_taken_as_delivered()
    {
        using var outbox = Open();
        await outbox.AppendAsync([TestEvents.Alarm(), TestEvents.Alarm()]);
        var delivery = Delivery(new ScriptedExporter().Then(DeliveryResult.Retry("odd", delivered: 7)), outbox);

        var step = await delivery.DeliverOnceAsync(CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Delivered, 2), (step.Outcome, step.Events));
        Assert.Equal(0, outbox.Statistics.Depth);
    }
}
