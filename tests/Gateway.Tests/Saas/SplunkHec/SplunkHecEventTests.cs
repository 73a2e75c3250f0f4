using System.Globalization;
using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Export;

namespace Gateway.Tests.Saas.SplunkHec;

/// <summary>Events to a stub of Splunk's HTTP Event Collector, checked against its documented JSON event protocol.</summary>
public sealed class SplunkHecEventTests : IAsyncLifetime
{
    private SaasStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SaasStub.StartAsync(_ => SplunkHecClient.Success());

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task A_batch_is_one_request_of_concatenated_envelopes()
    {
        var alarm = SaasEvents.Alarm();
        GatewayEvent[] events = [SaasEvents.Raised(alarm), SaasEvents.Notification(), SaasEvents.Node(NodeEventKind.Down, reason: "timeout"), SaasEvents.Acknowledged(alarm)];

        var result = await SplunkHecClient.Exporter(_stub).DeliverAsync(events, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/services/collector/event", request.Path);
        Assert.Equal("Splunk " + SplunkHecClient.Token, request.Header("Authorization"));
        Assert.Null(request.Header("X-Splunk-Request-Channel"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.DoesNotContain("[", request.Text[..1], StringComparison.Ordinal);
        var envelopes = SplunkHecClient.Envelopes(request);
        Assert.Equal(4, envelopes.Count);
        foreach (var envelope in envelopes)
        {
            Assert.Equal(JsonValueKind.Number, envelope.GetProperty("time").ValueKind);
            Assert.Equal(SaasEvents.Time.ToUnixTimeMilliseconds() / 1000m, envelope.GetProperty("time").GetDecimal());
            Assert.Equal("n1@host", envelope.GetProperty("host").GetString());
            Assert.Equal("gateway", envelope.GetProperty("source").GetString());
            Assert.Equal("beam", envelope.GetProperty("index").GetString());
            Assert.Equal(JsonValueKind.Object, envelope.GetProperty("event").ValueKind);
            Assert.Equal("n1@host", envelope.GetProperty("fields").GetProperty("node").GetString());
            Assert.All(envelope.GetProperty("fields").EnumerateObject(), f => Assert.Equal(JsonValueKind.String, f.Value.ValueKind));
        }
        Assert.Equal(["gateway:alarm", "gateway:notification", "gateway:node", "gateway:alarm"], envelopes.Select(e => e.GetProperty("sourcetype").GetString()));

        var raised = envelopes[0].GetProperty("event");
        Assert.Equal("alarm", raised.GetProperty("kind").GetString());
        Assert.Equal("raised", raised.GetProperty("event").GetString());
        Assert.Equal(events[0].Id, raised.GetProperty("eventId").GetGuid());
        Assert.Equal(alarm.Id, raised.GetProperty("alarmId").GetString());
        Assert.Equal("disk_full", raised.GetProperty("type").GetString());
        Assert.Equal("/var", raised.GetProperty("resource").GetString());
        Assert.Equal("major", raised.GetProperty("severity").GetString());
        Assert.Equal("cleared", raised.GetProperty("previousSeverity").GetString());
        Assert.Equal("disk /var is 97% full", raised.GetProperty("description").GetString());
        Assert.Equal(97.5, raised.GetProperty("value").GetDouble());
        Assert.Equal(90, raised.GetProperty("threshold").GetDouble());
        Assert.False(raised.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(SaasEvents.Time, raised.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.Equal("storage", raised.GetProperty("group").GetString());
        Assert.Equal(
            new Dictionary<string, string?> { ["node"] = "n1@host", ["severity"] = "major", ["type"] = "disk_full" },
            envelopes[0].GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()));

        var notification = envelopes[1].GetProperty("event");
        Assert.Equal("notification", notification.GetProperty("kind").GetString());
        Assert.Equal("payment service timed out", notification.GetProperty("message").GetString());
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("<0.42.0>", notification.GetProperty("metadata").GetProperty("pid").GetString());
        Assert.Equal("error", envelopes[1].GetProperty("fields").GetProperty("severity").GetString());

        var down = envelopes[2].GetProperty("event");
        Assert.Equal("node_down", down.GetProperty("event").GetString());
        Assert.Equal("timeout", down.GetProperty("reason").GetString());
        Assert.Equal("beam", down.GetProperty("job").GetString());

        var ack = envelopes[3].GetProperty("event");
        Assert.Equal("acknowledged", ack.GetProperty("event").GetString());
        Assert.Equal("looking", ack.GetProperty("comment").GetString());
        Assert.True(ack.GetProperty("acknowledged").GetBoolean());
    }

    [Fact]
    public async Task Time_keeps_its_milliseconds()
    {
        await SplunkHecClient.Exporter(_stub).DeliverAsync([SaasEvents.Raised()], CancellationToken.None);

        var text = Assert.Single(_stub.Requests).Text;
        Assert.Contains("\"time\":" + (SaasEvents.Time.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture) + ",", text, StringComparison.Ordinal);
        Assert.Contains(".89,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_sourcetype_and_no_index_are_honoured()
    {
        var options = SplunkHecClient.Options(_stub);
        options.Index = null;
        options.Sourcetype = "beam:events";
        options.Source = "gw-eu1";

        await SplunkHecClient.Exporter(_stub, options).DeliverAsync([SaasEvents.Raised(), SaasEvents.Notification()], CancellationToken.None);

        var envelopes = SplunkHecClient.Envelopes(Assert.Single(_stub.Requests));
        Assert.All(envelopes, e => Assert.Equal("beam:events", e.GetProperty("sourcetype").GetString()));
        Assert.All(envelopes, e => Assert.Equal("gw-eu1", e.GetProperty("source").GetString()));
        Assert.All(envelopes, e => Assert.False(e.TryGetProperty("index", out _)));
    }

    [Fact]
    public async Task A_batch_larger_than_maxRequestBytes_goes_in_several_requests_and_a_failure_keeps_what_went_through()
    {
        var options = SplunkHecClient.Options(_stub);
        options.MaxRequestBytes = 2000;
        var events = Enumerable.Range(0, 12).Select(_ => SaasEvents.Raised()).ToArray();

        Assert.Equal(DeliveryResult.Delivered, await SplunkHecClient.Exporter(_stub, options).DeliverAsync(events, CancellationToken.None));

        var requests = _stub.Requests.ToArray();
        Assert.True(requests.Length > 1);
        Assert.All(requests, r => Assert.True(r.Body.Length <= 2000));
        Assert.Equal(events.Select(e => e.Id), requests.SelectMany(SplunkHecClient.Envelopes).Select(e => e.GetProperty("event").GetProperty("eventId").GetGuid()));

        var first = SplunkHecClient.Envelopes(requests[0]).Count;
        var calls = 0;
        _stub.Handler = _ => Interlocked.Increment(ref calls) == 1 ? SplunkHecClient.Success() : new StubResponse(503, """{"text":"Server is busy","code":9}""");
        var retry = Assert.IsType<DeliveryResult.RetryResult>(await SplunkHecClient.Exporter(_stub, options).DeliverAsync(events, CancellationToken.None));
        Assert.Equal(first, retry.DeliveredCount);
        Assert.Contains("Server is busy", retry.Reason, StringComparison.Ordinal);
    }
}
