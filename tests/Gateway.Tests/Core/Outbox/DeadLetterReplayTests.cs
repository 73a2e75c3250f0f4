using Gateway.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Outbox;

public sealed class DeadLetterReplayTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private readonly OutboxOptions _options = new() { Jitter = 0 };

    public void Dispose() => _dir.Dispose();

    private EventOutbox Open() => new("svc", _dir.File("svc.db"), _options, _time, NullLogger.Instance);

    [Fact]
    public async Task Replayed_dead_letters_go_back_behind_the_waiting_events_in_their_order_with_their_ids()
    {
        var rejected = new[] { TestEvents.Alarm("a"), TestEvents.Notification("n"), TestEvents.Alarm("b") };
        var waiting = TestEvents.Alarm("c");
        using (var outbox = Open())
        {
            await outbox.AppendAsync(rejected);
            await outbox.DeadLetterAsync(await outbox.PeekAsync(10, long.MaxValue), "400 Bad Request");
            await outbox.AppendAsync(waiting);
            Assert.Equal(3, await outbox.CountDeadLettersAsync());

            Assert.Equal(2, await outbox.ReplayDeadLettersAsync(2));

            Assert.Equal(1, await outbox.CountDeadLettersAsync());
            Assert.Equal(3, outbox.Count);
            Assert.Equal(2, outbox.Statistics.AlarmDepth);
            var head = await outbox.PeekAsync(10, long.MaxValue);
            Assert.Equal([waiting.Id, rejected[0].Id, rejected[1].Id], head.Select(e => e.Event.Id));
        }

        // Durable: a restart sees the same queue and the one dead letter left.
        using var reopened = Open();
        Assert.Equal(3, reopened.Count);
        Assert.Equal(1, await reopened.CountDeadLettersAsync());
        Assert.Equal(1, await reopened.ReplayDeadLettersAsync(100));
        Assert.Equal(0, await reopened.ReplayDeadLettersAsync(100));
        Assert.Equal(rejected[2].Id, (await reopened.PeekAsync(10, long.MaxValue))[^1].Event.Id);
    }

    [Fact]
    public async Task A_replay_wakes_an_idle_delivery_loop()
    {
        using var outbox = Open();
        await outbox.AppendAsync(TestEvents.Alarm());
        await outbox.DeadLetterAsync(await outbox.PeekAsync(10, long.MaxValue), "rejected");
        var waiting = outbox.WaitForEventsAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await outbox.ReplayDeadLettersAsync(10);

        await waiting.WaitAsync(TimeSpan.FromMinutes(1));
    }
}
