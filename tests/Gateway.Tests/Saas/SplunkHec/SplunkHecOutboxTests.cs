using System.Collections.Concurrent;
using Gateway.Core.Events;
using Gateway.Core.Outbox;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.SplunkHec;

/// <summary>The Splunk HEC exporter behind the real outbox and delivery loop, on a fake clock.</summary>
public sealed class SplunkHecOutboxTests : IAsyncLifetime, IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(SaasEvents.Time);
    private readonly OutboxOptions _options = new() { MaxBatchEvents = 7, Jitter = 0 };
    private readonly ConcurrentQueue<(string Kind, string? AlarmId, Guid Id)> _received = new();
    private SaasStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SaasStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    private EventOutbox Open() => new("splunkHec", _dir.File("splunkHec.db"), _options, _time, NullLogger.Instance);

    private OutboxDelivery Delivery(EventOutbox outbox, string token = SplunkHecClient.Token)
    {
        var options = SplunkHecClient.Options(_stub, token);
        options.MaxRequestBytes = 3000;
        return new(SplunkHecClient.Exporter(_stub, options, _time), outbox, _options, _time, NullLogger.Instance);
    }

    private StubResponse Receive(StubRequest request)
    {
        foreach (var envelope in SplunkHecClient.Envelopes(request))
        {
            var e = envelope.GetProperty("event");
            _received.Enqueue((e.GetProperty("kind").GetString()!, e.TryGetProperty("alarmId", out var a) ? a.GetString() : null, e.GetProperty("eventId").GetGuid()));
        }
        return SplunkHecClient.Success();
    }

    private static List<GatewayEvent> Lifecycle(int alarms)
    {
        var ids = Enumerable.Range(0, alarms).Select(i => SaasEvents.Alarm(id: $"alarm{i:D11}", node: $"n{i}@host")).ToArray();
        var events = new List<GatewayEvent>();
        events.AddRange(ids.Select(a => SaasEvents.Raised(a)));
        events.AddRange(ids.SelectMany(a => new[] { SaasEvents.Changed(a with { Severity = Severity.Critical }, a.Severity), SaasEvents.Node(NodeEventKind.Down, a.Node, "timeout") }));
        events.AddRange(ids.SelectMany(a => new[] { SaasEvents.Commented(a), SaasEvents.Cleared(a), SaasEvents.Node(NodeEventKind.Up, a.Node) }));
        return events;
    }

    [Fact]
    public async Task After_a_five_minute_outage_every_event_is_delivered_in_order_per_alarm_and_none_twice()
    {
        var outageEnds = _time.GetUtcNow().AddMinutes(5);
        var calls = 0;
        _stub.Handler = r =>
        {
            if (_time.GetUtcNow() >= outageEnds)
            {
                return Receive(r);
            }
            return Interlocked.Increment(ref calls) % 3 == 0
                ? new StubResponse(429, """{"text":"Too many requests"}""", new Dictionary<string, string> { ["Retry-After"] = "15" })
                : new StubResponse(503, """{"text":"Server is busy","code":9}""");
        };
        var events = Lifecycle(8);
        using var outbox = Open();
        var delivery = Delivery(outbox);
        await outbox.AppendAsync(events[..12]);

        await OutboxDriver.RunAsync(delivery, _time, stopWhen: () => _time.GetUtcNow() >= outageEnds.AddMinutes(-1));
        Assert.Empty(_received);
        await outbox.AppendAsync(events[12..]);
        await OutboxDriver.RunAsync(delivery, _time);

        var received = _received.ToArray();
        Assert.Equal(events.Count, received.Length);
        Assert.Equal(events.Count, received.Select(r => r.Id).Distinct().Count());
        Assert.Equal(events.Select(e => e.Id), received.Select(r => r.Id));
        foreach (var alarm in events.Where(e => e.Alarm is not null).GroupBy(e => e.Alarm!.Alarm.Id))
        {
            Assert.Equal(alarm.Select(e => e.Id), received.Where(r => r.AlarmId == alarm.Key).Select(r => r.Id));
        }
        Assert.Equal(0, outbox.Statistics.Depth);
        Assert.Equal(0, outbox.Statistics.DeadLettered);
    }

    [Fact]
    public async Task An_invalid_token_keeps_the_events_waiting_until_it_is_fixed()
    {
        _stub.Handler = r => r.Header("Authorization") == "Splunk " + SplunkHecClient.Token ? Receive(r) : new StubResponse(403, """{"text":"Invalid token","code":4}""");
        var events = Lifecycle(3);
        const string wrong = "99999999-8888-7777-6666-555555555555";
        using (var outbox = Open())
        {
            await outbox.AppendAsync(events);
            var steps = await OutboxDriver.RunAsync(Delivery(outbox, wrong), _time, stopWhen: () => _time.GetUtcNow() > SaasEvents.Time.AddMinutes(10));

            Assert.All(steps, s => Assert.Equal(DeliveryOutcome.Failing, s.Outcome));
            Assert.True(outbox.Statistics.Failing);
            Assert.Equal(events.Count, outbox.Statistics.Depth);
            Assert.Equal(0, outbox.Statistics.DeadLettered);
            Assert.Contains("Invalid token", outbox.Statistics.LastError!.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, outbox.Statistics.LastError!.Reason, StringComparison.Ordinal);
        }

        using var reopened = Open();
        await OutboxDriver.RunAsync(Delivery(reopened), _time);

        Assert.Equal(events.Select(e => e.Id), _received.Select(r => r.Id));
        Assert.Equal(0, reopened.Statistics.Depth);
    }

    [Fact]
    public async Task An_event_HEC_cannot_take_is_dead_lettered_alone_and_the_others_arrive()
    {
        var events = Lifecycle(2);
        var bad = events[3].Id;
        _stub.Handler = r => SplunkHecClient.Envelopes(r).Any(e => e.GetProperty("event").GetProperty("eventId").GetGuid() == bad)
            ? new StubResponse(400, """{"text":"Invalid data format","code":6,"invalid-event-number":0}""")
            : Receive(r);
        using var outbox = Open();
        await outbox.AppendAsync(events);

        await OutboxDriver.RunAsync(Delivery(outbox), _time);

        Assert.Equal(events.Where(e => e.Id != bad).Select(e => e.Id), _received.Select(r => r.Id));
        var letter = Assert.Single(await outbox.GetDeadLettersAsync(10));
        Assert.Contains("Invalid data format", letter.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(SplunkHecClient.Token, letter.Reason, StringComparison.Ordinal);
    }
}
