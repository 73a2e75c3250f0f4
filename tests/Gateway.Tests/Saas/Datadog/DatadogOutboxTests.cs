using System.Collections.Concurrent;
using Gateway.Core.Events;
using Gateway.Core.Outbox;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.Datadog;

/// <summary>The Datadog exporter behind the real outbox and delivery loop, on a fake clock.</summary>
public sealed class DatadogOutboxTests : IAsyncLifetime, IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(SaasEvents.Time);
    private readonly OutboxOptions _options = new() { MaxBatchEvents = 10, Jitter = 0 };
    private readonly ConcurrentQueue<(string? Key, Guid Id)> _received = new();
    private SaasStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SaasStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    private EventOutbox Open() => new("datadog", _dir.File("datadog.db"), _options, _time, NullLogger.Instance);

    private OutboxDelivery Delivery(EventOutbox outbox, string key = DatadogClient.Key) =>
        new(DatadogClient.Exporter(_stub, DatadogClient.Options(_stub, key), _time), outbox, _options, _time, NullLogger.Instance);

    private StubResponse Receive(StubRequest request)
    {
        var body = request.Json();
        var text = body.GetProperty("text").GetString()!;
        var id = Guid.Parse(text[(text.LastIndexOf("Event id: ", StringComparison.Ordinal) + "Event id: ".Length)..]);
        _received.Enqueue((body.TryGetProperty("aggregation_key", out var key) ? key.GetString() : null, id));
        return DatadogClient.Accepted();
    }

    private static List<GatewayEvent> Lifecycle(int alarms)
    {
        var events = new List<GatewayEvent>();
        var ids = Enumerable.Range(0, alarms).Select(i => SaasEvents.Alarm(id: $"alarm{i:D11}", node: $"n{i}@host")).ToArray();
        foreach (var alarm in ids)
        {
            events.Add(SaasEvents.Raised(alarm));
        }
        foreach (var alarm in ids)
        {
            events.Add(SaasEvents.Changed(alarm with { Severity = Severity.Critical }, alarm.Severity));
            events.Add(SaasEvents.Notification(node: alarm.Node));
        }
        foreach (var alarm in ids)
        {
            events.Add(SaasEvents.Acknowledged(alarm));
            events.Add(SaasEvents.Cleared(alarm));
        }
        return events;
    }

    [Fact]
    public async Task After_a_five_minute_outage_every_event_is_delivered_in_order_per_alarm_and_none_twice()
    {
        var outageEnds = _time.GetUtcNow().AddMinutes(5);
        var calls = 0;
        _stub.Handler = r =>
        {
            if (_time.GetUtcNow() < outageEnds)
            {
                // Down: mostly 503s, sometimes a rate limit with its Retry-After.
                return Interlocked.Increment(ref calls) % 4 == 0
                    ? new StubResponse(429, """{"errors":["Rate limit exceeded"]}""", new Dictionary<string, string> { ["Retry-After"] = "20" })
                    : new StubResponse(503, """{"errors":["Service Unavailable"]}""");
            }
            return Receive(r);
        };
        var events = Lifecycle(6);
        using var outbox = Open();
        var delivery = Delivery(outbox);
        await outbox.AppendAsync(events[..10]);

        // Events keep coming during the outage.
        await OutboxDriver.RunAsync(delivery, _time, stopWhen: () => _time.GetUtcNow() >= outageEnds.AddMinutes(-2));
        Assert.Empty(_received);
        await outbox.AppendAsync(events[10..]);
        var steps = await OutboxDriver.RunAsync(delivery, _time);

        Assert.True(_time.GetUtcNow() >= outageEnds);
        Assert.Contains(steps, s => s.Outcome == DeliveryOutcome.Retrying);
        var received = _received.ToArray();
        Assert.Equal(events.Count, received.Length);
        Assert.Equal(events.Count, received.Select(r => r.Id).Distinct().Count());
        foreach (var alarm in events.Where(e => e.Alarm is not null).GroupBy(e => e.Alarm!.Alarm.Id))
        {
            Assert.Equal(alarm.Select(e => e.Id), received.Where(r => r.Key == alarm.Key).Select(r => r.Id));
        }
        Assert.Equal(0, outbox.Statistics.Depth);
        Assert.Equal(0, outbox.Statistics.DeadLettered);
    }

    [Fact]
    public async Task A_refused_key_keeps_the_events_waiting_until_the_key_is_fixed()
    {
        _stub.Handler = r => r.Header("DD-API-KEY") == DatadogClient.Key ? Receive(r) : new StubResponse(403, """{"errors":["Forbidden"]}""");
        var events = Lifecycle(3);
        const string wrong = "wrong-key-wrong-key-wrong";
        using (var outbox = Open())
        {
            await outbox.AppendAsync(events);
            var delivery = Delivery(outbox, wrong);
            var steps = await OutboxDriver.RunAsync(delivery, _time, stopWhen: () => _time.GetUtcNow() > SaasEvents.Time.AddMinutes(10));

            Assert.All(steps, s => Assert.Equal(DeliveryOutcome.Failing, s.Outcome));
            Assert.True(outbox.Statistics.Failing);
            Assert.Equal(events.Count, outbox.Statistics.Depth);
            Assert.Equal(0, outbox.Statistics.DeadLettered);
            Assert.Contains("403", outbox.Statistics.LastError!.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, outbox.Statistics.LastError!.Reason, StringComparison.Ordinal);
        }

        // The key is fixed and the gateway restarted: same outbox file, a new exporter.
        using var reopened = Open();
        await OutboxDriver.RunAsync(Delivery(reopened), _time);

        Assert.Equal(events.Select(e => e.Id), _received.Select(r => r.Id));
        Assert.Equal(0, reopened.Statistics.Depth);
    }
}
