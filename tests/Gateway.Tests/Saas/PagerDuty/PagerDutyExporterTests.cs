using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Saas.PagerDuty;

namespace Gateway.Tests.Saas.PagerDuty;

public sealed class PagerDutyExporterTests : IAsyncLifetime
{
    private IncidentStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await PagerDutyContract.StartAsync();
        _stub.Otherwise = PagerDutyContract.Accepted;
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private static JsonElement Body(IncidentRequest r) => r.Json!.Value;

    [Fact]
    public async Task A_raise_is_a_trigger_with_every_documented_field()
    {
        var options = PagerDutyTestClient.Options(_stub);
        options.ClientUrl = "https://gateway.example:9464/";
        var raised = IncidentEvents.Raised();

        var result = await PagerDutyTestClient.Exporter(options).DeliverAsync([raised], CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Empty(_stub.Problems);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/enqueue", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = Body(request);
        Assert.Equal(PagerDutyContract.Key, body.GetProperty("routing_key").GetString());
        Assert.Equal("trigger", body.GetProperty("event_action").GetString());
        Assert.Equal("3f0c9a1b2c3d4e5f", body.GetProperty("dedup_key").GetString());
        Assert.Equal("Gateway", body.GetProperty("client").GetString());
        Assert.Equal("https://gateway.example:9464", body.GetProperty("client_url").GetString());
        var link = Assert.Single(body.GetProperty("links").EnumerateArray());
        Assert.Equal("https://gateway.example:9464/api/v1/alarms/3f0c9a1b2c3d4e5f", link.GetProperty("href").GetString());
        var payload = body.GetProperty("payload");
        Assert.Equal("disk_full /var on n1@host: disk /var is 97% full", payload.GetProperty("summary").GetString());
        Assert.Equal("n1@host", payload.GetProperty("source").GetString());
        Assert.Equal("error", payload.GetProperty("severity").GetString());
        Assert.Equal("2026-03-04T05:06:07.890Z", payload.GetProperty("timestamp").GetString());
        Assert.Equal("/var", payload.GetProperty("component").GetString());
        Assert.Equal("mongooseim", payload.GetProperty("group").GetString());
        Assert.Equal("disk_full", payload.GetProperty("class").GetString());
        var details = payload.GetProperty("custom_details");
        Assert.Equal(97.5, details.GetProperty("value").GetDouble());
        Assert.Equal(90, details.GetProperty("threshold").GetDouble());
        Assert.Equal("disk /var is 97% full", details.GetProperty("description").GetString());
        Assert.Equal("3f0c9a1b2c3d4e5f", details.GetProperty("alarm_id").GetString());
        Assert.Equal(raised.Id.ToString(), details.GetProperty("event_id").GetString());
        Assert.Equal("major", details.GetProperty("severity").GetString());
        Assert.Equal("raised", details.GetProperty("event").GetString());
    }

    [Theory]
    [InlineData(Severity.Critical, "critical")]
    [InlineData(Severity.Major, "error")]
    [InlineData(Severity.Minor, "warning")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Indeterminate, "info")]
    public async Task Severities_map_onto_PagerDuty_severities(Severity severity, string expected)
    {
        await PagerDutyTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Raised(severity)], CancellationToken.None);

        Assert.Equal(expected, Body(Assert.Single(_stub.Accepted)).GetProperty("payload").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task The_lifecycle_is_trigger_retrigger_acknowledge_trigger_resolve_on_one_dedup_key()
    {
        var exporter = PagerDutyTestClient.Exporter(_stub);
        var events = IncidentEvents.Lifecycle().Where(exporter.Accepts).ToArray();

        var result = await exporter.DeliverAsync(events, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Empty(_stub.Problems);
        var bodies = _stub.Accepted.Select(Body).ToArray();
        Assert.Equal(["trigger", "trigger", "acknowledge", "trigger", "resolve"], bodies.Select(b => b.GetProperty("event_action").GetString()));
        Assert.All(bodies, b => Assert.Equal("3f0c9a1b2c3d4e5f", b.GetProperty("dedup_key").GetString()));
        Assert.Equal(["error", "critical", "critical"], bodies.Where(b => b.TryGetProperty("payload", out _)).Select(b => b.GetProperty("payload").GetProperty("severity").GetString()));
        Assert.False(bodies[2].TryGetProperty("payload", out _));
    }

    [Fact]
    public void Comments_node_events_and_notifications_are_not_taken_by_default()
    {
        var exporter = PagerDutyTestClient.Exporter(_stub);
        var comment = IncidentEvents.Of(AlarmEventKind.Commented, IncidentEvents.Alarm(), Severity.Major, "disk ordered");

        Assert.False(exporter.Accepts(comment));
        Assert.False(exporter.Accepts(IncidentEvents.NodeDown()));
        Assert.False(exporter.Accepts(IncidentEvents.Notification()));
        Assert.True(exporter.Accepts(IncidentEvents.Raised()));
    }

    [Fact]
    public async Task With_change_events_comments_node_events_and_notifications_are_change_events()
    {
        var options = PagerDutyTestClient.Options(_stub);
        options.ChangeEvents = true;
        var exporter = PagerDutyTestClient.Exporter(options);
        var events = new[] { IncidentEvents.Of(AlarmEventKind.Commented, IncidentEvents.Alarm(), Severity.Major, "disk ordered"), IncidentEvents.NodeDown(), IncidentEvents.Notification() };
        Assert.All(events, e => Assert.True(exporter.Accepts(e)));

        var result = await exporter.DeliverAsync(events, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Empty(_stub.Problems);
        Assert.All(_stub.Requests, r => Assert.Equal("/v2/change/enqueue", r.Path));
        var summaries = _stub.Requests.Select(r => Body(r).GetProperty("payload").GetProperty("summary").GetString()!).ToArray();
        Assert.Equal(["Comment on disk_full on n1@host: disk ordered", "Node n1@host down: timeout", "error on n1@host: gen_server crashed"], summaries);
        Assert.Equal("n1@host", Body(_stub.Requests[1]).GetProperty("payload").GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_long_description_is_cut_to_the_documented_1024_characters()
    {
        var alarm = IncidentEvents.Alarm() with { Description = new string('x', 5000) };

        await PagerDutyTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Of(AlarmEventKind.Raised, alarm)], CancellationToken.None);

        Assert.Empty(_stub.Problems);
        Assert.Equal(1024, Body(Assert.Single(_stub.Accepted)).GetProperty("payload").GetProperty("summary").GetString()!.Length);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_outbox_backoff_keeping_what_went_through()
    {
        _stub.Then(PagerDutyContract.Accepted).Then(PagerDutyContract.RateLimited());

        var result = await PagerDutyTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Raised(id: "a1"), IncidentEvents.Raised(id: "a2"), IncidentEvents.Raised(id: "a3")], CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Equal(1, retry.DeliveredCount);
        Assert.Null(retry.After);
        Assert.StartsWith("PagerDuty answered 429", retry.Reason, StringComparison.Ordinal);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_header_is_honoured_should_PagerDuty_send_one()
    {
        _stub.Then(PagerDutyContract.RateLimited() with { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } });

        var result = await PagerDutyTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Raised()], CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<DeliveryResult.RetryResult>(result).After);
    }

    [Fact]
    public async Task A_burst_of_500s_is_retried_each_time_and_then_delivered()
    {
        var exporter = PagerDutyTestClient.Exporter(_stub);
        var events = new[] { IncidentEvents.Raised(id: "a1"), IncidentEvents.Raised(id: "a2") };
        for (var i = 0; i < 5; i++)
        {
            _stub.Then(PagerDutyContract.ServerError());
        }

        for (var i = 0; i < 5; i++)
        {
            var retry = Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync(events, CancellationToken.None));
            Assert.Equal(0, retry.DeliveredCount);
            Assert.StartsWith("PagerDuty answered 500", retry.Reason, StringComparison.Ordinal);
        }
        Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync(events, CancellationToken.None));
        Assert.Equal(["a1", "a2"], _stub.Accepted.Select(r => Body(r).GetProperty("dedup_key").GetString()));
    }

    [Fact]
    public async Task An_invalid_event_is_rejected_with_PagerDutys_errors()
    {
        _stub.Then(PagerDutyContract.Accepted).Then(PagerDutyContract.InvalidEvent(["'payload.summary' is too long"]));

        var result = await PagerDutyTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Raised(id: "a1"), IncidentEvents.Raised(id: "a2")], CancellationToken.None);

        var reject = Assert.IsType<DeliveryResult.RejectedResult>(result);
        Assert.Equal(1, reject.DeliveredCount);
        Assert.Contains("'payload.summary' is too long", reject.Reason, StringComparison.Ordinal);
        Assert.StartsWith("PagerDuty answered 400", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_routing_key_makes_the_exporter_failing_not_a_dead_letter()
    {
        const string other = "00000000000000000000000000000000";
        _stub.Otherwise = PagerDutyContract.AcceptingOnly(PagerDutyContract.Key);

        var result = await PagerDutyTestClient.Exporter(_stub, other).DeliverAsync([IncidentEvents.Raised()], CancellationToken.None);

        var failing = Assert.IsType<DeliveryResult.FailingResult>(result);
        Assert.Contains("Invalid routing key", failing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(other, failing.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_401_or_403_makes_the_exporter_failing(int status)
    {
        _stub.Then(new IncidentAnswer(status, $$"""{"error":"refused {{PagerDutyContract.Key}}"}"""));

        var result = await PagerDutyTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Raised()], CancellationToken.None);

        var failing = Assert.IsType<DeliveryResult.FailingResult>(result);
        Assert.DoesNotContain(PagerDutyContract.Key, failing.Reason, StringComparison.Ordinal);
        Assert.Contains("***", failing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_answer_is_a_retry()
    {
        var options = PagerDutyTestClient.Options(_stub);
        await _stub.DisposeAsync();

        var result = await PagerDutyTestClient.Exporter(options).DeliverAsync([IncidentEvents.Raised()], CancellationToken.None);

        Assert.StartsWith("PagerDuty unreachable", Assert.IsType<DeliveryResult.RetryResult>(result).Reason, StringComparison.Ordinal);
        _stub = await PagerDutyContract.StartAsync();
    }

    [Theory]
    [InlineData("us", null, "https://events.pagerduty.com/")]
    [InlineData("EU", null, "https://events.eu.pagerduty.com/")]
    [InlineData("eu", "http://proxy.example:8080/pd/", "http://proxy.example:8080/pd/")]
    public void The_base_url_comes_from_the_region_or_url(string region, string? url, string expected) =>
        Assert.Equal(expected, new PagerDutyExporterOptions { Region = region, Url = url }.BaseUrl().ToString());
}
