using Gateway.Core.Export;

namespace Gateway.Tests.Saas.SplunkHec;

/// <summary>HEC's documented status codes and answer bodies, and what the outbox is told.</summary>
public sealed class SplunkHecAnswerTests : IAsyncLifetime
{
    private SaasStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SaasStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private async Task<DeliveryResult> DeliverAsync(StubResponse answer)
    {
        _stub.Handler = _ => answer;
        return await SplunkHecClient.Exporter(_stub).DeliverAsync([SaasEvents.Raised(), SaasEvents.Notification()], CancellationToken.None);
    }

    [Theory]
    [InlineData(400, """{"text":"Incorrect index","code":7,"invalid-event-number":0}""", "Incorrect index")]
    [InlineData(400, """{"text":"Invalid data format","code":6,"invalid-event-number":1}""", "Invalid data format")]
    [InlineData(413, """{"text":"Content too large","code":27}""", "Content too large")]
    public async Task Bad_events_are_rejected_with_HECs_text(int status, string body, string text)
    {
        var reject = Assert.IsType<DeliveryResult.RejectedResult>(await DeliverAsync(new StubResponse(status, body)));

        Assert.Contains(text, reject.Reason, StringComparison.Ordinal);
        Assert.Equal(0, reject.DeliveredCount);
    }

    [Theory]
    [InlineData(403, """{"text":"Invalid token","code":4}""")]
    [InlineData(403, """{"text":"Token disabled","code":1}""")]
    [InlineData(401, """{"text":"Token is required","code":2}""")]
    [InlineData(401, """{"text":"Invalid authorization","code":3}""")]
    public async Task Token_errors_mark_the_exporter_failing_without_the_token(int status, string body)
    {
        var failing = Assert.IsType<DeliveryResult.FailingResult>(await DeliverAsync(new StubResponse(status, body.Replace("}", $",\"token\":\"{SplunkHecClient.Token}\"}}", StringComparison.Ordinal))));

        Assert.DoesNotContain(SplunkHecClient.Token, failing.Reason, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), failing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_wants_acknowledgement_without_a_channel_is_a_configuration_error_not_bad_events()
    {
        var failing = Assert.IsType<DeliveryResult.FailingResult>(await DeliverAsync(new StubResponse(400, """{"text":"Data channel is missing","code":10}""")));

        Assert.Contains("ack.enabled: true", failing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_is_busy_and_a_burst_of_500s_are_retried()
    {
        Assert.IsType<DeliveryResult.RetryResult>(await DeliverAsync(new StubResponse(503, """{"text":"Server is busy","code":9}""")));
        Assert.IsType<DeliveryResult.RetryResult>(await DeliverAsync(new StubResponse(503, """{"text":"HEC is unhealthy, queues are full","code":18}""")));
        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<DeliveryResult.RetryResult>(await DeliverAsync(new StubResponse(500, """{"text":"Internal server error","code":8}""")));
        }
        Assert.Equal(DeliveryResult.Delivered, await DeliverAsync(SplunkHecClient.Success()));
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_Retry_After()
    {
        var retry = Assert.IsType<DeliveryResult.RetryResult>(await DeliverAsync(
            new StubResponse(429, """{"text":"Too many requests"}""", new Dictionary<string, string> { ["Retry-After"] = "30" })));

        Assert.Equal(TimeSpan.FromSeconds(30), retry.After);
    }

    [Fact]
    public async Task An_unreachable_collector_is_retried()
    {
        var options = SplunkHecClient.Options(_stub);
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            options.Url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        }

        var retry = Assert.IsType<DeliveryResult.RetryResult>(await SplunkHecClient.Exporter(_stub, options).DeliverAsync([SaasEvents.Raised()], CancellationToken.None));

        Assert.Contains("Splunk HEC unreachable", retry.Reason, StringComparison.Ordinal);
    }
}
