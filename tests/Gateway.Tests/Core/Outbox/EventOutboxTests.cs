using Gateway.Core.Events;
using Gateway.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Outbox;

public sealed class EventOutboxTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private EventOutbox Open(OutboxOptions? options = null) =>
        new("test", _dir.File("test.db"), options ?? new OutboxOptions(), _time, NullLogger.Instance);

    [Fact]
    public async Task Appended_events_come_back_in_order_with_their_content()
    {
        using var outbox = Open();
        var events = new[] { TestEvents.Alarm(), TestEvents.Notification("x"), TestEvents.NodeDown() };
        await outbox.AppendAsync(events);

        var head = await outbox.PeekAsync(10, long.MaxValue);

        Assert.Equal(events.Select(e => e.Id), head.Select(e => e.Event.Id));
        Assert.Equal([EventKind.Alarm, EventKind.Notification, EventKind.Node], head.Select(e => e.Kind));
        Assert.Equal(events[0].Alarm, head[0].Event.Alarm);
        Assert.Equal("x", head[1].Event.Notification!.Message);
        Assert.Equal("<0.1.0>", head[1].Event.Notification!.Metadata["pid"]);
        Assert.Equal(events[0].OrderingKey, head[0].Event.OrderingKey);
        Assert.Equal(3, outbox.Statistics.Depth);
        Assert.Equal(1, outbox.Statistics.AlarmDepth);
    }

    [Fact]
    public async Task Peek_respects_the_batch_limits_but_always_returns_one_event()
    {
        using var outbox = Open();
        await outbox.AppendAsync(Enumerable.Range(0, 5).Select(i => TestEvents.Notification(new string('x', 100))).ToArray());

        Assert.Equal(3, (await outbox.PeekAsync(3, long.MaxValue)).Count);
        Assert.Single(await outbox.PeekAsync(10, 1));
    }

    [Fact]
    public async Task Acknowledged_events_are_gone_and_counted()
    {
        using var outbox = Open();
        await outbox.AppendAsync([TestEvents.Alarm(), TestEvents.Alarm()]);
        var head = await outbox.PeekAsync(1, long.MaxValue);

        await outbox.AcknowledgeAsync(head);

        var rest = await outbox.PeekAsync(10, long.MaxValue);
        Assert.Single(rest);
        Assert.NotEqual(head[0].Event.Id, rest[0].Event.Id);
        Assert.Equal(1, outbox.Statistics.Delivered);
        Assert.Equal(1, outbox.Statistics.Depth);
    }

    [Fact]
    public async Task Acknowledging_a_batch_with_a_gap_removes_exactly_its_events()
    {
        using var outbox = Open();
        var events = Enumerable.Range(0, 4).Select(_ => TestEvents.Alarm()).ToArray();
        await outbox.AppendAsync(events);
        var head = await outbox.PeekAsync(3, long.MaxValue);
        await outbox.DeadLetterAsync([head[1]], "bad");

        await outbox.AcknowledgeAsync([head[0], head[2]]);

        Assert.Equal([events[3].Id], (await outbox.PeekAsync(10, long.MaxValue)).Select(e => e.Event.Id));
        Assert.Equal(1, outbox.Statistics.Depth);
        Assert.Equal(2, outbox.Statistics.Delivered);
    }

    [Fact]
    public async Task A_new_instance_on_the_same_file_has_everything_not_acknowledged()
    {
        var outbox = Open();
        var events = Enumerable.Range(0, 10).Select(_ => TestEvents.Alarm()).ToArray();
        await outbox.AppendAsync(events);
        await outbox.AcknowledgeAsync(await outbox.PeekAsync(3, long.MaxValue));
        // The batch in flight when the process dies is not acknowledged: it must come back.
        _ = await outbox.PeekAsync(4, long.MaxValue);

        // "Crash": the first instance is never disposed nor drained.
        using var reopened = Open();

        var rest = await reopened.PeekAsync(100, long.MaxValue);
        Assert.Equal(events.Skip(3).Select(e => e.Id), rest.Select(e => e.Event.Id));
        Assert.Equal(7, reopened.Statistics.Depth);
        GC.KeepAlive(outbox);
    }

    [Fact]
    public async Task Concurrent_appends_are_all_stored()
    {
        using var outbox = Open();
        var events = Enumerable.Range(0, 200).Select(_ => TestEvents.Notification()).ToArray();

        await Task.WhenAll(events.Select(e => Task.Run(() => outbox.AppendAsync(e))));

        var stored = await outbox.PeekAsync(1000, long.MaxValue);
        Assert.Equal(events.Select(e => e.Id).Order(), stored.Select(e => e.Event.Id).Order());
        Assert.Equal(200, outbox.Statistics.Appended);
    }

    [Fact]
    public async Task Over_the_event_quota_the_oldest_notifications_are_dropped_before_any_alarm()
    {
        using var outbox = Open(new OutboxOptions { MaxEvents = 4 });
        var alarm1 = TestEvents.Alarm();
        var n1 = TestEvents.Notification("1");
        var n2 = TestEvents.Notification("2");
        var alarm2 = TestEvents.Alarm();
        await outbox.AppendAsync([alarm1, n1, n2, alarm2]);

        var alarm3 = TestEvents.Alarm();
        await outbox.AppendAsync(alarm3);
        var n3 = TestEvents.Notification("3");
        await outbox.AppendAsync(n3);

        var stored = await outbox.PeekAsync(100, long.MaxValue);
        Assert.Equal([alarm1.Id, alarm2.Id, alarm3.Id, n3.Id], stored.Select(e => e.Event.Id));
        Assert.Equal(2, outbox.Statistics.Dropped);
        Assert.Equal(0, outbox.Statistics.OverQuota);
    }

    [Fact]
    public async Task When_only_alarms_are_left_notifications_are_refused_and_alarms_kept_beyond_the_quota()
    {
        using var outbox = Open(new OutboxOptions { MaxEvents = 2 });
        await outbox.AppendAsync([TestEvents.Alarm(), TestEvents.Alarm()]);

        await outbox.AppendAsync(TestEvents.Notification());
        await outbox.AppendAsync(TestEvents.Alarm());

        var stored = await outbox.PeekAsync(100, long.MaxValue);
        Assert.Equal(3, stored.Count);
        Assert.All(stored, e => Assert.Equal(EventKind.Alarm, e.Kind));
        Assert.Equal(1, outbox.Statistics.Dropped);
        Assert.Equal(1, outbox.Statistics.OverQuota);
    }

    [Fact]
    public async Task The_byte_quota_drops_notifications_too()
    {
        using var outbox = Open(new OutboxOptions { MaxBytes = 2_000 });
        var big = Enumerable.Range(0, 5).Select(i => TestEvents.Notification(new string('x', 600))).ToArray();

        foreach (var e in big)
        {
            await outbox.AppendAsync(e);
        }

        var stored = await outbox.PeekAsync(100, long.MaxValue);
        Assert.True(outbox.Statistics.DepthBytes <= 2_000, $"{outbox.Statistics.DepthBytes} bytes stored");
        Assert.Equal(big[^1].Id, stored[^1].Event.Id);
        Assert.Equal(5 - stored.Count, outbox.Statistics.Dropped);
    }

    [Fact]
    public async Task Events_in_flight_are_not_dropped_by_the_quota()
    {
        using var outbox = Open(new OutboxOptions { MaxEvents = 2 });
        var n1 = TestEvents.Notification("1");
        await outbox.AppendAsync([n1, TestEvents.Notification("2")]);
        var inFlight = await outbox.PeekAsync(1, long.MaxValue);

        await outbox.AppendAsync(TestEvents.Notification("3"));

        var stored = await outbox.PeekAsync(100, long.MaxValue);
        Assert.Equal(n1.Id, stored[0].Event.Id);
        Assert.Equal(inFlight[0].Event.Id, stored[0].Event.Id);
        Assert.Equal(2, stored.Count);
    }

    [Fact]
    public async Task Dead_letters_are_kept_with_their_reason()
    {
        using var outbox = Open();
        var e = TestEvents.Alarm();
        await outbox.AppendAsync(e);

        await outbox.DeadLetterAsync(await outbox.PeekAsync(1, long.MaxValue), "too large");

        Assert.Empty(await outbox.PeekAsync(10, long.MaxValue));
        var dead = Assert.Single(await outbox.GetDeadLettersAsync(10));
        Assert.Equal(e.Id, dead.EventId);
        Assert.Equal("too large", dead.Reason);
        Assert.Contains("disk_full", dead.Payload, StringComparison.Ordinal);
        Assert.Equal(1, outbox.Statistics.DeadLettered);
        Assert.Equal(0, outbox.Statistics.Depth);
    }

    [Fact]
    public async Task An_unreadable_row_is_dead_lettered_instead_of_blocking_the_outbox()
    {
        var path = _dir.File("test.db");
        using (var outbox = Open())
        {
            await outbox.AppendAsync([TestEvents.Alarm(), TestEvents.Alarm()]);
        }
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=False"))
        {
            db.Open();
            using var corrupt = db.CreateCommand();
            corrupt.CommandText = "UPDATE events SET payload = x'7b7b7b' WHERE seq = 1";
            corrupt.ExecuteNonQuery();
        }
        using var reopened = Open();

        var head = await reopened.PeekAsync(10, long.MaxValue);

        Assert.Single(head);
        Assert.Single(await reopened.GetDeadLettersAsync(10));
        Assert.Equal(1, reopened.Statistics.Depth);
    }

    [Theory]
    [InlineData("my exporter/1", "my_exporter_1.db")]
    [InlineData("kafka", "kafka.db")]
    public void Outbox_files_live_under_the_data_folder(string exporter, string file) =>
        Assert.Equal(Path.Combine("/data", "outbox", file), EventOutbox.PathFor("/data", exporter));
}
