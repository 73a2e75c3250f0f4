using System.Text.Json;
using Gateway.Core.Alarms;
using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Gateway.Saas.Teams;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.Teams;

public sealed class TeamsExporterTests : IAsyncLifetime
{
    private const string WorkflowPath = "/workflows/0c1a2b3c/triggers/manual/paths/invoke";
    private const string Signature = "Zx9sEcReTsIgNaTuRe0123456789abcdefABCDEF";
    private static readonly string Query = $"?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={Signature}";
    private readonly FakeTimeProvider _time = new(AlarmLifecycle.Raised);
    private LoopbackStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await LoopbackStub.StartAsync();
        _stub.Contract = TeamsContract.For(WorkflowPath, Query);
        _stub.Respond = _ => new LoopbackResponse(202);
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private KitServices Kit(string query = "") => new(
        new() { ["exporters:teams:webhookUrl"] = new Uri(_stub.Url, WorkflowPath + (query.Length > 0 ? query : Query)).AbsoluteUri },
        (services, config) => services.AddTeamsExporter(config.GetSection("exporters:teams")),
        _time);

    [Fact]
    public async Task A_lifecycle_is_one_card_per_event_in_order_with_the_query_signature_kept()
    {
        await using var kit = Kit();
        var events = AlarmLifecycle.Lifecycle();

        Assert.Equal(DeliveryResult.Delivered, await kit.Exporter("teams").DeliverAsync(events, CancellationToken.None));

        Assert.Empty(_stub.ContractErrors);
        var cards = _stub.Requests.Select(r => r.Json.GetProperty("attachments")[0].GetProperty("content")).ToArray();
        Assert.Equal(5, cards.Length);
        Assert.Equal(["attention", "attention", "emphasis", "emphasis", "good"], cards.Select(c => c.GetProperty("body")[0].GetProperty("style").GetString()));
        var headlines = cards.Select(c => c.GetProperty("body")[0].GetProperty("items")[0].GetProperty("text").GetString()).ToArray();
        Assert.Equal("Raised major: disk_full on n1@host (/var)", headlines[0]);
        Assert.Equal("Escalated major → critical: disk_full on n1@host (/var)", headlines[1]);
        Assert.StartsWith("Acknowledged", headlines[2], StringComparison.Ordinal);
        Assert.StartsWith("Comment", headlines[3], StringComparison.Ordinal);
        Assert.StartsWith("Cleared (was critical)", headlines[4], StringComparison.Ordinal);
        var facts = cards[0].GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "FactSet")
            .GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("n1@host", facts["Node"]);
        Assert.Equal("disk_full", facts["Type"]);
        Assert.Equal("/var", facts["Resource"]);
        Assert.Equal("major", facts["Severity"]);
        Assert.Contains(cards[0].GetProperty("body").EnumerateArray(), e => e.TryGetProperty("text", out var t) && t.GetString() == "disk /var is 97% full");
        Assert.Contains(cards[3].GetProperty("body").EnumerateArray(), e => e.TryGetProperty("text", out var t) && t.GetString() == "disk ordered");
        Assert.All(cards, c => Assert.Equal(AlarmLinks.Default.For(events[0].Alarm!.Alarm.Id), c.GetProperty("actions")[0].GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Only_alarm_events_are_accepted()
    {
        await using var kit = Kit();

        Assert.False(kit.Exporter("teams").Accepts(AlarmLifecycle.Notification()));
        Assert.False(kit.Exporter("teams").Accepts(AlarmLifecycle.NodeDown()));
    }

    [Fact]
    public async Task A_429_waits_for_its_Retry_After_and_keeps_what_went_through()
    {
        await using var kit = Kit();
        _stub.Script(new LoopbackResponse(202), new LoopbackResponse(202), new LoopbackResponse(429, """{"error":{"code":"WorkflowTriggerIsThrottled"}}""", "application/json", "12"));

        var retry = Assert.IsType<DeliveryResult.RetryResult>(await kit.Exporter("teams").DeliverAsync(AlarmLifecycle.Lifecycle(), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(12), retry.After);
        Assert.Equal(1, retry.DeliveredCount);
    }

    [Fact]
    public async Task A_500_is_retry_a_400_is_rejected_with_the_services_text()
    {
        await using var kit = Kit();
        var exporter = kit.Exporter("teams");
        _stub.Script(new LoopbackResponse(202), new LoopbackResponse(502, "Bad Gateway"),
            new LoopbackResponse(400, """{"error":{"code":"InvalidRequestContent","message":"The input body for trigger 'manual' of type 'Request' must be of type JSON"}}""", "application/json"));

        Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync([AlarmLifecycle.Lifecycle()[0]], CancellationToken.None));
        var reject = Assert.IsType<DeliveryResult.RejectedResult>(await exporter.DeliverAsync([AlarmLifecycle.Lifecycle()[0]], CancellationToken.None));

        Assert.Contains("Teams answered 400 BadRequest", reject.Reason, StringComparison.Ordinal);
        Assert.Contains("InvalidRequestContent", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, reject.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, """{"error":{"code":"DirectApiAuthorizationRequired","message":"The request must be authenticated"}}""")]
    [InlineData(403, """{"error":{"code":"AuthorizationFailed"}}""")]
    [InlineData(404, """{"error":{"code":"WorkflowNotFound","message":"The workflow '0c1a2b3c' could not be found."}}""")]
    public async Task A_wrong_signature_or_a_deleted_workflow_makes_the_exporter_failing(int status, string body)
    {
        await using var kit = Kit();
        _stub.Respond = _ => new LoopbackResponse(status, body, "application/json");

        var failing = Assert.IsType<DeliveryResult.FailingResult>(await kit.Exporter("teams").DeliverAsync(AlarmLifecycle.Lifecycle(), CancellationToken.None));

        Assert.Contains($"Teams answered {status}", failing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, failing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_echoing_the_signature_is_masked()
    {
        await using var kit = Kit();
        _stub.Respond = _ => new LoopbackResponse(400, $"bad sig {Signature}");

        var reject = Assert.IsType<DeliveryResult.RejectedResult>(await kit.Exporter("teams").DeliverAsync([AlarmLifecycle.Lifecycle()[0]], CancellationToken.None));

        Assert.DoesNotContain(Signature, reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_five_minute_outage_then_every_event_arrives_in_order_once()
    {
        await using var kit = Kit();
        using var drill = new OutboxDrill(_time);
        var outageEnds = _time.GetUtcNow() + TimeSpan.FromMinutes(5);
        var accepted = new List<string>();
        _stub.Respond = r =>
        {
            if (_time.GetUtcNow() < outageEnds)
            {
                return new LoopbackResponse(500, "");
            }
            accepted.Add(Headline(r.Json));
            return new LoopbackResponse(202);
        };
        var events = AlarmLifecycle.Lifecycle("/a").Concat(AlarmLifecycle.Lifecycle("/b")).ToArray();
        using var outbox = drill.Open();
        await OutboxDrill.AppendAsync(outbox, events);

        await drill.RunAsync(drill.Delivery(kit.Exporter("teams"), outbox));

        var expected = events.Select(e => Headline(JsonSerializer.SerializeToElement(TeamsCardBuilder.For(e.Alarm!, "http://x")))).ToArray();
        Assert.Equal(expected, accepted);
        Assert.Equal(0, await outbox.CountDeadLettersAsync());
    }

    [Fact]
    public async Task A_wrong_signature_then_the_url_is_fixed_and_the_waiting_events_arrive()
    {
        using var drill = new OutboxDrill(_time);
        var events = AlarmLifecycle.Lifecycle();
        _stub.Contract = _ => null;
        _stub.Respond = r => r.Query == Query ? new LoopbackResponse(202) : new LoopbackResponse(401, """{"error":{"code":"DirectApiAuthorizationRequired"}}""");
        await using (var wrong = Kit("?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=wrongwrongwrong"))
        {
            using var outbox = drill.Open();
            await OutboxDrill.AppendAsync(outbox, events);
            var steps = await drill.RunAsync(drill.Delivery(wrong.Exporter("teams"), outbox), until: s => s.Outcome == DeliveryOutcome.Failing);
            Assert.Equal(DeliveryOutcome.Failing, steps[^1].Outcome);
            Assert.Equal(events.Length, outbox.Count);
        }

        await using var right = Kit();
        using var reopened = drill.Open();
        await drill.RunAsync(drill.Delivery(right.Exporter("teams"), reopened));

        Assert.Equal(0, reopened.Count);
        Assert.Equal(events.Length, _stub.Requests.Count(r => r.Query == Query));
    }

    private static string Headline(JsonElement message) =>
        message.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("items")[0].GetProperty("text").GetString()!;
}
