using Gateway.Core.Events;
using Gateway.Core.Outbox;
using Gateway.Saas.PagerDuty;
using Gateway.Tests.Core.Outbox;
using Gateway.Tests.Exporters.Console;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.PagerDuty;

/// <summary>The PagerDuty exporter behind the real outbox and delivery loop, on fake time.</summary>
public sealed class PagerDutyOutboxTests : IAsyncLifetime
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(IncidentEvents.Time);
    private readonly OutboxOptions _options = new() { Jitter = 0, MaxBatchEvents = 4 };
    private readonly CapturingLogger<OutboxDelivery> _log = new();
    private IncidentStub _stub = null!;

    public async Task InitializeAsync() => _stub = await PagerDutyContract.StartAsync();

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _dir.Dispose();
    }

    private EventOutbox Open() => new("pagerduty", _dir.File("pagerduty.db"), _options, _time, _log);

    private OutboxDelivery Delivery(PagerDutyExporter exporter, EventOutbox outbox) => new(exporter, outbox, _options, _time, _log);

    // What PagerDuty must end up with for each event, in order: action, dedup key, severity of a trigger.
    private static string Expected(GatewayEvent e)
    {
        var alert = new PagerDutyEventMapper(new PagerDutyExporterOptions { RoutingKey = PagerDutyContract.Key }).Map(e)!.Alert!;
        return $"{alert.EventAction} {alert.DedupKey} {alert.Payload?.Severity}";
    }

    private static string Seen(IncidentRequest r)
    {
        var body = r.Json!.Value;
        var severity = body.TryGetProperty("payload", out var p) ? p.GetProperty("severity").GetString() : null;
        return $"{body.GetProperty("event_action").GetString()} {body.GetProperty("dedup_key").GetString()} {severity}";
    }

    [Fact]
    public async Task After_a_five_minute_outage_every_event_arrives_once_in_order()
    {
        var outageEnds = _time.GetUtcNow() + TimeSpan.FromMinutes(5);
        _stub.Otherwise = r => _time.GetUtcNow() < outageEnds ? PagerDutyContract.ServerError() : PagerDutyContract.Accepted(r);
        var exporter = PagerDutyTestClient.Exporter(PagerDutyTestClient.Options(_stub), _time);
        var lifecycles = new[] { "aaaa000000000001", "aaaa000000000002", "aaaa000000000003" }.Select(IncidentEvents.Lifecycle).ToArray();
        var events = Enumerable.Range(0, 6).SelectMany(step => lifecycles.Select(l => l[step])).Where(exporter.Accepts).ToArray();
        using var outbox = Open();
        var delivery = Delivery(exporter, outbox);

        await outbox.AppendAsync(events[..7]);
        var during = await IncidentOutboxDriver.StepAsync(delivery, _time, 4);
        await outbox.AppendAsync(events[7..]);
        var rest = await IncidentOutboxDriver.DrainAsync(delivery, _time);

        Assert.All(during, s => Assert.Equal(DeliveryOutcome.Retrying, s.Outcome));
        Assert.True(_time.GetUtcNow() >= outageEnds);
        Assert.Contains(_stub.Requests, r => r.Status == 500);
        Assert.Empty(_stub.Problems);
        Assert.Equal(events.Select(Expected), _stub.Accepted.Select(Seen));
        Assert.Equal(0, outbox.Statistics.Depth);
        Assert.Equal(0, await outbox.CountDeadLettersAsync());
        Assert.Equal(events.Length, outbox.Statistics.Delivered);
        Assert.Contains(rest, s => s.Outcome == DeliveryOutcome.Delivered);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refused_until_the_key_is_fixed_then_the_waiting_events_arrive(bool answer401)
    {
        const string wrong = "0000000000000000000000000000dead";
        _stub.Otherwise = r => r.Json!.Value.GetProperty("routing_key").GetString() == PagerDutyContract.Key
            ? PagerDutyContract.Accepted(r)
            : answer401 ? new IncidentAnswer(401, """{"status":"unauthorized"}""") : PagerDutyContract.InvalidRoutingKey();
        var events = IncidentEvents.Lifecycle().Where(e => e.Alarm!.Kind != AlarmEventKind.Commented).ToArray();

        using (var outbox = Open())
        {
            await outbox.AppendAsync(events);
            var steps = await IncidentOutboxDriver.StepAsync(Delivery(PagerDutyTestClient.Exporter(PagerDutyTestClient.Options(_stub, wrong), _time), outbox), _time, 3);

            Assert.All(steps, s => Assert.Equal(DeliveryOutcome.Failing, s.Outcome));
            Assert.True(outbox.Statistics.Failing);
            Assert.Equal(events.Length, outbox.Statistics.Depth);
            Assert.Equal(0, await outbox.CountDeadLettersAsync());
            Assert.DoesNotContain(wrong, outbox.Statistics.LastError!.Reason, StringComparison.Ordinal);
        }

        // A restart with the fixed key, over the same outbox file.
        using var reopened = Open();
        var delivery = Delivery(PagerDutyTestClient.Exporter(PagerDutyTestClient.Options(_stub), _time), reopened);
        await IncidentOutboxDriver.DrainAsync(delivery, _time);

        Assert.Equal(events.Select(Expected), _stub.Accepted.Select(Seen));
        Assert.Equal(0, reopened.Statistics.Depth);
        Assert.Equal(0, await reopened.CountDeadLettersAsync());
        Assert.All(_log.Lines, l => Assert.DoesNotContain(wrong, l.Message, StringComparison.Ordinal));
        Assert.All(_log.Lines, l => Assert.DoesNotContain(PagerDutyContract.Key, l.Message, StringComparison.Ordinal));
    }
}
