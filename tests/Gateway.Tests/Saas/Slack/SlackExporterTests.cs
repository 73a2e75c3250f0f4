using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Gateway.Saas.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.Slack;

public sealed class SlackExporterTests : IAsyncLifetime
{
    private const string SecretPath = "/services/T0001/B0001/Xsecret0webhook0token";
    private readonly FakeTimeProvider _time = new(AlarmLifecycle.Raised);
    private LoopbackStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await LoopbackStub.StartAsync();
        _stub.Contract = SlackContract.For(SecretPath);
        _stub.Respond = _ => LoopbackResponse.Ok("ok");
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private KitServices Kit(string path = SecretPath, string key = "webhookUrl") => new(
        new() { [$"exporters:slack:{key}"] = new Uri(_stub.Url, path).AbsoluteUri },
        (services, config) => services.AddSlackExporter(config.GetSection("exporters:slack")),
        _time);

    // Delivers like the outbox: after a retry the clock moves on by its delay and the rest goes again.
    private async Task<List<DeliveryResult>> DeliverAllAsync(IEventExporter exporter, IReadOnlyList<GatewayEvent> batch)
    {
        var results = new List<DeliveryResult>();
        while (true)
        {
            var result = await exporter.DeliverAsync(batch, CancellationToken.None);
            results.Add(result);
            if (result is not DeliveryResult.RetryResult retry)
            {
                return results;
            }
            _time.Advance(retry.After ?? TimeSpan.FromSeconds(1));
            batch = batch.Skip(retry.DeliveredCount).ToArray();
        }
    }

    [Fact]
    public async Task A_lifecycle_is_one_message_per_event_in_order_coloured_by_severity_at_one_message_a_second()
    {
        await using var kit = Kit();
        var exporter = kit.Exporter("slack");
        var events = AlarmLifecycle.Lifecycle();

        var results = await DeliverAllAsync(exporter, events);

        Assert.Empty(_stub.ContractErrors);
        Assert.Equal(DeliveryResult.Delivered, results[^1]);
        // One message, then "come back in a second" for the rest, four times.
        Assert.Equal(5, results.Count);
        Assert.All(results.Take(4), r => Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<DeliveryResult.RetryResult>(r).After));
        var messages = _stub.Requests.Select(r => r.Json).ToArray();
        Assert.Equal(5, messages.Length);
        var attachments = messages.Select(m => m.GetProperty("attachments")[0]).ToArray();
        Assert.Equal(["#e8590c", "#d00000", "#cccccc", "#cccccc", "#2eb886"], attachments.Select(a => a.GetProperty("color").GetString()));
        Assert.StartsWith("Raised major: disk_full on n1@host (/var)", messages[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Escalated major → critical", messages[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Acknowledged", messages[2].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("looking", attachments[2].GetProperty("text").GetString());
        Assert.False(attachments[2].TryGetProperty("fields", out _));
        Assert.Equal("disk ordered", attachments[3].GetProperty("text").GetString());
        Assert.StartsWith("Cleared (was critical)", messages[4].GetProperty("text").GetString(), StringComparison.Ordinal);
        var id = events[0].Alarm!.Alarm.Id;
        Assert.All(attachments, a => Assert.Equal(AlarmLinks.Default.For(id), a.GetProperty("title_link").GetString()));
        var fields = attachments[0].GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("n1@host", fields["Node"]);
        Assert.Equal("disk_full", fields["Type"]);
        Assert.Equal("/var", fields["Resource"]);
        Assert.Equal("major", fields["Severity"]);
        Assert.Equal("disk /var is 97% full", attachments[0].GetProperty("text").GetString());
        Assert.Equal(AlarmLifecycle.Raised.ToUnixTimeSeconds(), attachments[0].GetProperty("ts").GetInt64());
    }

    [Fact]
    public async Task Text_is_escaped_so_a_node_name_cannot_mention_or_link()
    {
        await using var kit = Kit();
        var alarm = AlarmLifecycle.Alarm("<!channel> & <http://evil>");

        Assert.Equal(DeliveryResult.Delivered, await kit.Exporter("slack").DeliverAsync([AlarmLifecycle.Event(AlarmEventKind.Raised, alarm, Severity.Cleared, AlarmLifecycle.Raised)], CancellationToken.None));

        var body = Assert.Single(_stub.Requests).Json.GetProperty("text").GetString();
        Assert.Contains("&lt;!channel&gt; &amp; &lt;http://evil&gt;", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_url_key_works_as_webhookUrl()
    {
        await using var kit = Kit(key: "url");

        Assert.Equal(DeliveryResult.Delivered, await kit.Exporter("slack").DeliverAsync([AlarmLifecycle.Lifecycle()[0]], CancellationToken.None));
        Assert.Empty(_stub.ContractErrors);
    }

    [Fact]
    public async Task Only_alarm_events_are_accepted()
    {
        await using var kit = Kit();
        var exporter = kit.Exporter("slack");

        Assert.True(exporter.Accepts(AlarmLifecycle.Lifecycle()[0]));
        Assert.False(exporter.Accepts(AlarmLifecycle.Notification()));
        Assert.False(exporter.Accepts(AlarmLifecycle.NodeDown()));
    }

    [Fact]
    public async Task A_429_waits_for_its_Retry_After()
    {
        await using var kit = Kit();
        _stub.Script(LoopbackResponse.Ok("ok"), new LoopbackResponse(429, "rate_limited", RetryAfter: "7"));

        var result = await kit.Exporter("slack").DeliverAsync(AlarmLifecycle.Lifecycle(), CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Equal(TimeSpan.FromSeconds(7), retry.After);
        Assert.Equal(0, retry.DeliveredCount);
    }

    [Fact]
    public async Task A_burst_of_500s_is_retried_and_then_goes_through()
    {
        await using var kit = Kit();
        _stub.Script(LoopbackResponse.Ok("ok"), new LoopbackResponse(500, "rollup_error"), new LoopbackResponse(503, "service unavailable"), new LoopbackResponse(500, "rollup_error"));
        var exporter = kit.Exporter("slack");
        GatewayEvent[] batch = [AlarmLifecycle.Lifecycle()[0]];

        for (var i = 0; i < 3; i++)
        {
            var retry = Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync(batch, CancellationToken.None));
            Assert.Contains("Slack answered 50", retry.Reason, StringComparison.Ordinal);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync(batch, CancellationToken.None));
    }

    [Fact]
    public async Task An_invalid_payload_is_rejected_with_Slacks_text_and_no_secret()
    {
        await using var kit = Kit();
        _stub.Script(LoopbackResponse.Ok("ok"), LoopbackResponse.Ok("ok"), LoopbackResponse.Ok("ok"), new LoopbackResponse(400, "invalid_payload"));
        var events = AlarmLifecycle.Lifecycle();

        var results = await DeliverAllAsync(kit.Exporter("slack"), events);

        var reject = Assert.IsType<DeliveryResult.RejectedResult>(results[^1]);
        Assert.Equal("Slack answered 400 BadRequest: invalid_payload", reject.Reason);
        Assert.Equal(0, reject.DeliveredCount);
        Assert.Equal(3, _stub.Requests.Count);
        Assert.DoesNotContain("Xsecret0webhook0token", reject.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "action_prohibited")]
    [InlineData(403, "invalid_token")]
    [InlineData(404, "no_service")]
    [InlineData(404, "channel_not_found")]
    [InlineData(410, "channel_is_archived")]
    [InlineData(401, "invalid_auth")]
    public async Task A_revoked_or_gone_webhook_makes_the_exporter_failing_not_a_dead_letter(int status, string text)
    {
        await using var kit = Kit();
        _stub.Respond = _ => new LoopbackResponse(status, text);

        var result = await kit.Exporter("slack").DeliverAsync(AlarmLifecycle.Lifecycle(), CancellationToken.None);

        var failing = Assert.IsType<DeliveryResult.FailingResult>(result);
        Assert.Contains(text, failing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Xsecret0webhook0token", failing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("/services/", failing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_echoing_its_url_is_masked()
    {
        await using var kit = Kit();
        _stub.Respond = _ => new LoopbackResponse(400, "bad request to " + new Uri(_stub.Url, SecretPath));

        var reject = Assert.IsType<DeliveryResult.RejectedResult>(await kit.Exporter("slack").DeliverAsync([AlarmLifecycle.Lifecycle()[0]], CancellationToken.None));

        Assert.DoesNotContain("Xsecret0webhook0token", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_error_is_retry()
    {
        await using var kit = Kit();
        await _stub.DisposeAsync();

        var retry = Assert.IsType<DeliveryResult.RetryResult>(await kit.Exporter("slack").DeliverAsync([AlarmLifecycle.Lifecycle()[0]], CancellationToken.None));

        Assert.Contains("Slack unreachable", retry.Reason, StringComparison.Ordinal);
        _stub = await LoopbackStub.StartAsync();
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
                return new LoopbackResponse(503, "");
            }
            accepted.Add(r.Json.GetProperty("text").GetString()!);
            return LoopbackResponse.Ok("ok");
        };
        var events = AlarmLifecycle.Lifecycle("/a").Concat(AlarmLifecycle.Lifecycle("/b")).ToArray();
        using var outbox = drill.Open();
        await OutboxDrill.AppendAsync(outbox, events);

        await drill.RunAsync(drill.Delivery(kit.Exporter("slack"), outbox));

        Assert.True(_time.GetUtcNow() >= outageEnds);
        var expected = events.Select(e => SlackMessageBuilder.For(e.Alarm!, AlarmLinks.Default.For(e.Alarm!.Alarm.Id)).Text).ToArray();
        Assert.Equal(expected, accepted);
        Assert.Equal(0, outbox.Count);
        Assert.Equal(0, await outbox.CountDeadLettersAsync());
    }

    [Fact]
    public async Task A_revoked_webhook_then_the_url_is_fixed_and_the_waiting_events_arrive()
    {
        using var drill = new OutboxDrill(_time);
        var events = AlarmLifecycle.Lifecycle();
        _stub.Contract = _ => null;
        _stub.Respond = r => r.Path == SecretPath ? LoopbackResponse.Ok("ok") : new LoopbackResponse(404, "no_service");
        await using (var revoked = Kit(path: "/services/T0001/B0001/revoked"))
        {
            using var outbox = drill.Open();
            await OutboxDrill.AppendAsync(outbox, events);
            var steps = await drill.RunAsync(drill.Delivery(revoked.Exporter("slack"), outbox), until: s => s.Outcome == DeliveryOutcome.Failing);
            Assert.Equal(DeliveryOutcome.Failing, steps[^1].Outcome);
            Assert.Equal(events.Length, outbox.Count);
            Assert.Equal(0, await outbox.CountDeadLettersAsync());
        }

        // A restart with the right URL, over the same outbox file.
        await using var fixedKit = Kit();
        using var reopened = drill.Open();
        await drill.RunAsync(drill.Delivery(fixedKit.Exporter("slack"), reopened));

        Assert.Equal(0, reopened.Count);
        Assert.Equal(events.Length, _stub.Requests.Count(r => r.Path == SecretPath));
    }
}
