using System.Text;
using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Saas.Http;
using Gateway.Saas.Webhook;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Time.Testing;
using Refit;

namespace Gateway.Tests.Saas.Webhook;

public sealed class WebhookExporterTests : IAsyncLifetime
{
    private const string Secret = "0123456789abcdef-secret";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private SaasStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SaasStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private void Answer(params StubResponse[] answers)
    {
        var script = new Queue<StubResponse>(answers);
        _stub.Handler = _ => script.Count > 0 ? script.Dequeue() : new StubResponse(200, "ok");
    }

    private WebhookExporter Exporter(Action<WebhookExporterOptions>? configure = null, Uri? receiver = null)
    {
        var options = new WebhookExporterOptions { Url = new Uri(receiver ?? _stub.Url, "/hooks/gateway?token=s3cr3t-query-token").ToString(), Secret = Secret };
        options.Headers["Authorization"] = "Bearer header-token-123";
        configure?.Invoke(options);
        var client = new HttpClient(new WebhookUrlHandler(new Uri(options.Url!)) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(options.Url!), Timeout = options.Timeout };
        return new WebhookExporter(RestService.For<IWebhookApi>(client, SaasRefitSettings.Create()), options, _time);
    }

    [Fact]
    public void The_signature_is_hmac_sha256_of_timestamp_dot_body()
    {
        // Expected value computed independently: python3 hmac.new(secret, b'1764676800.' + body, sha256).hexdigest()
        var body = Encoding.UTF8.GetBytes("""{"record_type":"alarm_event"}""");
        Assert.Equal("sha256=c40734597927b4a7d1821a2bee3513a8754d4e36d0828b83dcc1850412fadffa", WebhookSignature.Sign(Secret, "1764676800", body));
        Assert.True(WebhookSignature.Verify(Secret, "1764676800", body, "sha256=c40734597927b4a7d1821a2bee3513a8754d4e36d0828b83dcc1850412fadffa"));
        Assert.False(WebhookSignature.Verify(Secret, "1764676801", body, "sha256=c40734597927b4a7d1821a2bee3513a8754d4e36d0828b83dcc1850412fadffa"));
    }

    [Fact]
    public async Task Each_event_is_posted_in_order_as_its_record_with_headers_and_a_signature_a_receiver_can_check()
    {
        var events = new[] { TestEvents.Alarm("memory_high", Severity.Critical), TestEvents.Notification("disk warning"), TestEvents.NodeDown() };

        var result = await Exporter().DeliverAsync(events, CancellationToken.None);

        Assert.Same(DeliveryResult.Delivered, result);
        var requests = _stub.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        var types = new[] { "alarm_event", "notification", "node_event" };
        for (var i = 0; i < 3; i++)
        {
            var r = requests[i];
            Assert.Equal("POST", r.Method);
            Assert.Equal("/hooks/gateway?token=s3cr3t-query-token", r.Path + r.Query);
            Assert.StartsWith("application/json", r.Headers["Content-Type"]);
            Assert.Equal("Bearer header-token-123", r.Headers["Authorization"]);
            Assert.Equal(events[i].Id.ToString(), r.Headers["X-Gateway-Event-Id"]);
            Assert.Equal(types[i], r.Headers["X-Gateway-Record-Type"]);
            Assert.Equal("1", r.Headers["X-Gateway-Schema-Version"]);
            Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), r.Headers["X-Gateway-Timestamp"]);
            Assert.True(WebhookSignature.Verify(Secret, r.Headers["X-Gateway-Timestamp"], r.Body, r.Headers["X-Gateway-Signature"]));
            using var record = JsonDocument.Parse(r.Body);
            Assert.Equal(events[i].Id.ToString(), record.RootElement.GetProperty("eventId").GetString());
        }
        using var alarm = JsonDocument.Parse(requests[0].Body);
        Assert.Equal("critical", alarm.RootElement.GetProperty("alarm").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Without_a_secret_no_signature_is_sent()
    {
        await Exporter(o => o.Secret = null).DeliverAsync([TestEvents.Alarm()], CancellationToken.None);
        Assert.False(_stub.Requests.Single().Headers.ContainsKey("X-Gateway-Signature"));
    }

    [Fact]
    public async Task A_failure_mid_batch_says_how_many_went_through_and_names_no_secret()
    {
        Answer(new StubResponse(200, "ok"), new StubResponse(503, "busy", new Dictionary<string, string> { ["Retry-After"] = "7" }));
        var result = await Exporter().DeliverAsync([TestEvents.Alarm(), TestEvents.Alarm(), TestEvents.Alarm()], CancellationToken.None);
        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Equal(1, retry.DeliveredCount);
        Assert.Equal(TimeSpan.FromSeconds(7), retry.After);
        Assert.Equal("Webhook answered 503 ServiceUnavailable: busy", retry.Reason);
    }

    [Fact]
    public async Task A_400_is_rejected_with_the_receivers_text_and_a_401_marks_the_exporter_failing()
    {
        Answer(new StubResponse(400, "unknown record_type; token s3cr3t-query-token"), new StubResponse(401, "bad token Bearer header-token-123"));
        var reject = Assert.IsType<DeliveryResult.RejectedResult>(await Exporter().DeliverAsync([TestEvents.Alarm()], CancellationToken.None));
        var failing = Assert.IsType<DeliveryResult.FailingResult>(await Exporter().DeliverAsync([TestEvents.Alarm()], CancellationToken.None));
        Assert.Equal("Webhook answered 400 BadRequest: unknown record_type; token ***", reject.Reason);
        Assert.DoesNotContain("header-token-123", failing.Reason);
    }

    [Fact]
    public async Task An_unreachable_receiver_is_a_retry_whose_reason_holds_no_url()
    {
        var url = _stub.Url;
        await _stub.DisposeAsync();
        var result = await Exporter(receiver: url).DeliverAsync([TestEvents.Alarm()], CancellationToken.None);
        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.DoesNotContain("s3cr3t", retry.Reason);
        Assert.DoesNotContain("/hooks", retry.Reason);
        _stub = await SaasStub.StartAsync();
    }

    [Theory]
    [InlineData(null, "exporters.webhook.url: must be set")]
    [InlineData("ftp://x/y?token=abc", "exporters.webhook.url: is not an absolute http:// or https:// URL (value not shown")]
    public void Validation_names_the_key_and_never_the_value(string? url, string expected)
    {
        var result = new WebhookExporterOptionsValidator().Validate(null, new WebhookExporterOptions { Url = url, Secret = "short" });
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains("exporters.webhook.secret: must be at least 16 characters (value not shown)", result.Failures!);
        Assert.DoesNotContain(result.Failures!, f => f.Contains("abc", StringComparison.Ordinal) || f.Contains("short", StringComparison.Ordinal));
    }
}
