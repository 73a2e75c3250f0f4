using Gateway.Core.Events;
using Gateway.Core.Outbox;
using Gateway.Tests.Core.Outbox;
using Gateway.Tests.Exporters.Console;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.Opsgenie;

/// <summary>The Opsgenie exporter behind the real outbox and delivery loop, on fake time.</summary>
public sealed class OpsgenieOutboxTests : IAsyncLifetime
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(IncidentEvents.Time);
    private readonly OutboxOptions _options = new() { Jitter = 0, MaxBatchEvents = 4 };
    private readonly CapturingLogger<OutboxDelivery> _log = new();
    private IncidentStub _stub = null!;

    public async Task InitializeAsync() => _stub = await OpsgenieContract.StartAsync();

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _dir.Dispose();
    }

    private EventOutbox Open() => new("opsgenie", _dir.File("opsgenie.db"), _options, _time, _log);

    private OutboxDelivery Delivery(Gateway.Saas.Opsgenie.OpsgenieExporter exporter, EventOutbox outbox) => new(exporter, outbox, _options, _time, _log);

    // What Opsgenie must end up with for each event, in order: the call and its alias.
    private static string Expected(GatewayEvent e) => e.Alarm!.Kind switch
    {
        AlarmEventKind.Raised => "POST /v2/alerts " + e.Alarm.Alarm.Id,
        AlarmEventKind.SeverityChanged => $"PUT /v2/alerts/{e.Alarm.Alarm.Id}/priority?identifierType=alias",
        AlarmEventKind.Acknowledged => $"POST /v2/alerts/{e.Alarm.Alarm.Id}/acknowledge?identifierType=alias",
        AlarmEventKind.Unacknowledged => $"POST /v2/alerts/{e.Alarm.Alarm.Id}/unacknowledge?identifierType=alias",
        AlarmEventKind.Commented => $"POST /v2/alerts/{e.Alarm.Alarm.Id}/notes?identifierType=alias",
        _ => $"POST /v2/alerts/{e.Alarm.Alarm.Id}/close?identifierType=alias",
    };

    private static string Seen(IncidentRequest r) =>
        r.RawTarget == "/v2/alerts" ? "POST /v2/alerts " + r.Json!.Value.GetProperty("alias").GetString() : $"{r.Method} {r.RawTarget}";

    [Fact]
    public async Task After_a_five_minute_outage_every_event_arrives_once_in_order()
    {
        var outageEnds = _time.GetUtcNow() + TimeSpan.FromMinutes(5);
        _stub.Otherwise = r => _time.GetUtcNow() < outageEnds ? new IncidentAnswer(503, "Service Unavailable") : OpsgenieContract.Accepted(r);
        var exporter = OpsgenieTestClient.Exporter(OpsgenieTestClient.Options(_stub), _time);
        var lifecycles = new[] { "bbbb000000000001", "bbbb000000000002", "bbbb000000000003" }.Select(IncidentEvents.Lifecycle).ToArray();
        var events = Enumerable.Range(0, 6).SelectMany(step => lifecycles.Select(l => l[step])).ToArray();
        using var outbox = Open();
        var delivery = Delivery(exporter, outbox);

        await outbox.AppendAsync(events[..7]);
        var during = await IncidentOutboxDriver.StepAsync(delivery, _time, 4);
        await outbox.AppendAsync(events[7..]);
        await IncidentOutboxDriver.DrainAsync(delivery, _time);

        Assert.All(during, s => Assert.Equal(DeliveryOutcome.Retrying, s.Outcome));
        Assert.True(_time.GetUtcNow() >= outageEnds);
        Assert.Contains(_stub.Requests, r => r.Status == 503);
        Assert.Empty(_stub.Problems);
        Assert.Equal(events.Select(Expected), _stub.Accepted.Select(Seen));
        Assert.Equal(0, outbox.Statistics.Depth);
        Assert.Equal(0, await outbox.CountDeadLettersAsync());
    }

    [Fact]
    public async Task A_401_until_the_key_is_fixed_then_the_waiting_events_arrive()
    {
        const string wrong = "00000000-0000-0000-0000-00000000dead";
        _stub.Otherwise = r => r.Header("Authorization") == "GenieKey " + OpsgenieContract.Key ? OpsgenieContract.Accepted(r) : OpsgenieContract.Unauthenticated();
        var events = IncidentEvents.Lifecycle();

        using (var outbox = Open())
        {
            await outbox.AppendAsync(events);
            var steps = await IncidentOutboxDriver.StepAsync(Delivery(OpsgenieTestClient.Exporter(OpsgenieTestClient.Options(_stub, wrong), _time), outbox), _time, 3);

            Assert.All(steps, s => Assert.Equal(DeliveryOutcome.Failing, s.Outcome));
            Assert.True(outbox.Statistics.Failing);
            Assert.Equal(events.Length, outbox.Statistics.Depth);
            Assert.Equal(0, await outbox.CountDeadLettersAsync());
        }

        using var reopened = Open();
        await IncidentOutboxDriver.DrainAsync(Delivery(OpsgenieTestClient.Exporter(OpsgenieTestClient.Options(_stub), _time), reopened), _time);

        Assert.Equal(events.Select(Expected), _stub.Accepted.Select(Seen));
        Assert.Equal(0, reopened.Statistics.Depth);
        Assert.Equal(0, await reopened.CountDeadLettersAsync());
        Assert.All(_log.Lines, l => Assert.DoesNotContain(wrong, l.Message, StringComparison.Ordinal));
        Assert.All(_log.Lines, l => Assert.DoesNotContain(OpsgenieContract.Key, l.Message, StringComparison.Ordinal));
    }
}
