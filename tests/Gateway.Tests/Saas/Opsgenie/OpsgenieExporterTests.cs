using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Saas.Opsgenie;

namespace Gateway.Tests.Saas.Opsgenie;

public sealed class OpsgenieExporterTests : IAsyncLifetime
{
    private IncidentStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await OpsgenieContract.StartAsync();
        _stub.Otherwise = OpsgenieContract.Accepted;
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private static JsonElement Body(IncidentRequest r) => r.Json!.Value;

    [Fact]
    public async Task A_raise_creates_an_alert_with_every_documented_field()
    {
        var options = OpsgenieTestClient.Options(_stub);
        options.Responders = [new() { Type = "team", Name = "ops" }, new() { Type = "user", Username = "oncall@example.org" }];
        options.Tags = ["beam"];
        options.User = "gateway";
        var raised = IncidentEvents.Raised();

        var result = await OpsgenieTestClient.Exporter(options).DeliverAsync([raised], CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Empty(_stub.Problems);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/alerts", request.RawTarget);
        Assert.Equal("GenieKey " + OpsgenieContract.Key, request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = Body(request);
        Assert.Equal("disk_full /var on n1@host: disk /var is 97% full", body.GetProperty("message").GetString());
        Assert.Equal("3f0c9a1b2c3d4e5f", body.GetProperty("alias").GetString());
        Assert.StartsWith("disk /var is 97% full\n\nNode: n1@host\n", body.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("P2", body.GetProperty("priority").GetString());
        Assert.Equal("Gateway", body.GetProperty("source").GetString());
        Assert.Equal("n1@host", body.GetProperty("entity").GetString());
        Assert.Equal("gateway", body.GetProperty("user").GetString());
        Assert.Equal(["gateway", "disk_full", "mongooseim", "beam"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        var details = body.GetProperty("details");
        Assert.Equal("97.5", details.GetProperty("value").GetString());
        Assert.Equal("90", details.GetProperty("threshold").GetString());
        Assert.Equal(raised.Id.ToString(), details.GetProperty("event_id").GetString());
        Assert.Equal("major", details.GetProperty("severity").GetString());
        var responders = body.GetProperty("responders").EnumerateArray().Select(r => r.ToString()).ToArray();
        Assert.Equal(["""{"type":"team","name":"ops"}""", """{"type":"user","username":"oncall@example.org"}"""], responders);
    }

    [Theory]
    [InlineData(Severity.Critical, "P1")]
    [InlineData(Severity.Major, "P2")]
    [InlineData(Severity.Minor, "P3")]
    [InlineData(Severity.Warning, "P4")]
    [InlineData(Severity.Indeterminate, "P5")]
    public async Task Severities_map_onto_priorities(Severity severity, string priority)
    {
        await OpsgenieTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Raised(severity)], CancellationToken.None);

        Assert.Equal(priority, Body(Assert.Single(_stub.Accepted)).GetProperty("priority").GetString());
    }

    [Fact]
    public async Task The_lifecycle_is_create_priority_acknowledge_unacknowledge_note_close_by_alias()
    {
        var result = await OpsgenieTestClient.Exporter(_stub).DeliverAsync(IncidentEvents.Lifecycle(), CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Empty(_stub.Problems);
        Assert.Equal(
        [
            "POST /v2/alerts",
            "PUT /v2/alerts/3f0c9a1b2c3d4e5f/priority?identifierType=alias",
            "POST /v2/alerts/3f0c9a1b2c3d4e5f/acknowledge?identifierType=alias",
            "POST /v2/alerts/3f0c9a1b2c3d4e5f/unacknowledge?identifierType=alias",
            "POST /v2/alerts/3f0c9a1b2c3d4e5f/notes?identifierType=alias",
            "POST /v2/alerts/3f0c9a1b2c3d4e5f/close?identifierType=alias",
        ], _stub.Accepted.Select(r => $"{r.Method} {r.RawTarget}"));
        var bodies = _stub.Accepted.Select(Body).ToArray();
        Assert.Equal("P1", bodies[1].GetProperty("priority").GetString());
        Assert.Equal("looking", bodies[2].GetProperty("note").GetString());
        Assert.Equal("disk ordered", bodies[4].GetProperty("note").GetString());
        Assert.All(bodies[2..], b => Assert.Equal("Gateway", b.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task An_escalation_from_below_min_severity_creates_the_alert_Opsgenie_never_had()
    {
        var options = OpsgenieTestClient.Options(_stub);
        options.MinSeverity = "major";
        var escalated = IncidentEvents.Of(AlarmEventKind.SeverityChanged, IncidentEvents.Alarm(severity: Severity.Critical), Severity.Minor);
        var again = IncidentEvents.Of(AlarmEventKind.SeverityChanged, IncidentEvents.Alarm(severity: Severity.Major), Severity.Critical);

        await OpsgenieTestClient.Exporter(options).DeliverAsync([escalated, again], CancellationToken.None);

        Assert.Equal(["/v2/alerts", "/v2/alerts/3f0c9a1b2c3d4e5f/priority?identifierType=alias"], _stub.Accepted.Select(r => r.RawTarget));
        Assert.Equal("P1", Body(_stub.Accepted[0]).GetProperty("priority").GetString());
    }

    [Fact]
    public async Task The_alias_is_escaped_in_the_path()
    {
        const string alias = "n1@host/var x?y";
        var cleared = IncidentEvents.Of(AlarmEventKind.Cleared, IncidentEvents.Alarm(alias, Severity.Cleared), Severity.Major);

        await OpsgenieTestClient.Exporter(_stub).DeliverAsync([cleared], CancellationToken.None);

        var request = Assert.Single(_stub.Accepted);
        Assert.DoesNotContain("/var x", request.RawTarget, StringComparison.Ordinal);
        Assert.Equal(alias, OpsgenieContract.AliasOf(request));
        Assert.EndsWith("/close?identifierType=alias", request.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_texts_are_cut_to_the_documented_limits()
    {
        var alarm = IncidentEvents.Alarm() with { Description = new string('d', 20_000), Resource = new string('r', 3_000) };

        await OpsgenieTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Of(AlarmEventKind.Raised, alarm)], CancellationToken.None);

        Assert.Empty(_stub.Problems);
        var body = Body(Assert.Single(_stub.Accepted));
        Assert.Equal(130, body.GetProperty("message").GetString()!.Length);
        Assert.Equal(15_000, body.GetProperty("description").GetString()!.Length);
    }

    [Fact]
    public void Node_events_and_notifications_are_not_taken()
    {
        var exporter = OpsgenieTestClient.Exporter(_stub);

        Assert.False(exporter.Accepts(IncidentEvents.NodeDown()));
        Assert.False(exporter.Accepts(IncidentEvents.Notification()));
        Assert.All(IncidentEvents.Lifecycle(), e => Assert.True(exporter.Accepts(e)));
    }

    [Fact]
    public async Task A_429_with_retry_after_waits_as_told()
    {
        _stub.Then(OpsgenieContract.Accepted).Then(OpsgenieContract.RateLimited(new Dictionary<string, string> { ["Retry-After"] = "30" }));

        var result = await OpsgenieTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Raised(id: "a1"), IncidentEvents.Raised(id: "a2")], CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Equal(TimeSpan.FromSeconds(30), retry.After);
        Assert.Equal(1, retry.DeliveredCount);
    }

    [Fact]
    public async Task A_429_without_retry_after_waits_for_the_throttling_period()
    {
        _stub.Then(OpsgenieContract.RateLimited(new Dictionary<string, string>
        {
            ["X-RateLimit-State"] = "THROTTLED",
            ["X-RateLimit-Reason"] = "ACCOUNT",
            ["X-RateLimit-Period-In-Sec"] = "60",
        }));
        _stub.Then(OpsgenieContract.RateLimited());
        var exporter = OpsgenieTestClient.Exporter(_stub);

        var throttled = Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync([IncidentEvents.Raised()], CancellationToken.None));
        var bare = Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync([IncidentEvents.Raised()], CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(60), throttled.After);
        Assert.Null(bare.After);
        Assert.StartsWith("Opsgenie answered 429", bare.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_500s_is_retried_each_time_and_then_delivered()
    {
        var exporter = OpsgenieTestClient.Exporter(_stub);
        for (var i = 0; i < 5; i++)
        {
            _stub.Then(new IncidentAnswer(500, """{"message":"Internal Server Error","took":0.0,"requestId":"x"}"""));
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.StartsWith("Opsgenie answered 500", Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync([IncidentEvents.Raised()], CancellationToken.None)).Reason, StringComparison.Ordinal);
        }
        Assert.Equal(DeliveryResult.Delivered, await exporter.DeliverAsync([IncidentEvents.Raised()], CancellationToken.None));
    }

    [Theory]
    [InlineData(422, """{"message":"Request body is not processable. Please check the errors.","errors":{"message":"Message can not be empty."},"took":0.083,"requestId":"r1"}""", "Message can not be empty.")]
    [InlineData(400, """{"message":"Invalid JSON body","took":0.0,"requestId":"r2"}""", "Invalid JSON body")]
    public async Task An_unprocessable_request_is_rejected_with_Opsgenies_errors(int status, string body, string text)
    {
        _stub.Then(new IncidentAnswer(status, body));

        var result = await OpsgenieTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Raised()], CancellationToken.None);

        var reject = Assert.IsType<DeliveryResult.RejectedResult>(result);
        Assert.StartsWith($"Opsgenie answered {status}", reject.Reason, StringComparison.Ordinal);
        Assert.Contains(text, reject.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "Could not authenticate")]
    [InlineData(403, "You are not authorized for this action")]
    [InlineData(402, "Your plan does not allow this action")]
    public async Task A_refused_key_or_plan_makes_the_exporter_failing(int status, string message)
    {
        _stub.Then(new IncidentAnswer(status, $$"""{"message":"{{message}} (GenieKey {{OpsgenieContract.Key}})","took":0.0,"requestId":"r"}"""));

        var result = await OpsgenieTestClient.Exporter(_stub).DeliverAsync([IncidentEvents.Raised()], CancellationToken.None);

        var failing = Assert.IsType<DeliveryResult.FailingResult>(result);
        Assert.Contains(message, failing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(OpsgenieContract.Key, failing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_answer_in_time_is_a_retry()
    {
        var options = OpsgenieTestClient.Options(_stub);
        options.Timeout = TimeSpan.FromMilliseconds(300);
        var release = new TaskCompletionSource<IncidentAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _stub.Then(_ => release.Task.GetAwaiter().GetResult());

        var result = await OpsgenieTestClient.Exporter(options).DeliverAsync([IncidentEvents.Raised()], CancellationToken.None);
        release.SetResult(OpsgenieContract.Accepted(null!));

        Assert.Equal("Opsgenie did not answer in time", Assert.IsType<DeliveryResult.RetryResult>(result).Reason);
    }

    [Theory]
    [InlineData("us", null, "https://api.opsgenie.com/")]
    [InlineData("eu", null, "https://api.eu.opsgenie.com/")]
    [InlineData("eu", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/")]
    public void The_base_url_comes_from_the_region_or_url(string region, string? url, string expected) =>
        Assert.Equal(expected, new OpsgenieExporterOptions { Region = region, Url = url }.BaseUrl().ToString());
}
