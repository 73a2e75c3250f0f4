using Gateway.Core.Export;

namespace Gateway.Tests.Saas.Datadog;

/// <summary>Datadog's documented answers and what the outbox is told.</summary>
public sealed class DatadogAnswerTests : IAsyncLifetime
{
    private SaasStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SaasStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Too_many_requests_is_retried_after_Retry_After()
    {
        _stub.Handler = _ => new StubResponse(429, """{"errors":["Rate limit exceeded"]}""", new Dictionary<string, string> { ["Retry-After"] = "7" });

        var result = await DatadogClient.Exporter(_stub).DeliverAsync([SaasEvents.Raised()], CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Equal(TimeSpan.FromSeconds(7), retry.After);
        Assert.Contains("429", retry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_without_Retry_After_waits_for_X_RateLimit_Reset()
    {
        _stub.Handler = _ => new StubResponse(429, """{"errors":["Rate limit exceeded"]}""",
            new Dictionary<string, string> { ["X-RateLimit-Limit"] = "1000", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "12" });

        var result = await DatadogClient.Exporter(_stub).DeliverAsync([SaasEvents.Raised()], CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(12), Assert.IsType<DeliveryResult.RetryResult>(result).After);
    }

    [Fact]
    public async Task A_burst_of_500s_is_retried_and_keeps_the_events_that_went_through()
    {
        var calls = 0;
        _stub.Handler = _ => Interlocked.Increment(ref calls) <= 2 ? DatadogClient.Accepted() : new StubResponse(500, """{"errors":["Internal Server Error"]}""");
        var exporter = DatadogClient.Exporter(_stub);

        var result = await exporter.DeliverAsync([SaasEvents.Raised(), SaasEvents.Raised(), SaasEvents.Raised(), SaasEvents.Raised()], CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Equal(2, retry.DeliveredCount);
        Assert.Null(retry.After);
        Assert.Equal(3, _stub.Requests.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<DeliveryResult.RetryResult>(await exporter.DeliverAsync([SaasEvents.Raised()], CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_400_with_Datadogs_error_body_is_rejected_with_its_text()
    {
        _stub.Handler = _ => new StubResponse(400, """{"errors":["Event title is too long"]}""");

        var result = await DatadogClient.Exporter(_stub).DeliverAsync([SaasEvents.Raised()], CancellationToken.None);

        var reject = Assert.IsType<DeliveryResult.RejectedResult>(result);
        Assert.Contains("Event title is too long", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(DatadogClient.Key, reject.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, """{"errors":["Forbidden"]}""")]
    [InlineData(401, """{"errors":["Unauthorized"]}""")]
    public async Task A_refused_key_marks_the_exporter_failing_and_never_shows_the_key(int status, string body)
    {
        // A service that echoes the key it refused: the reason masks it.
        _stub.Handler = r => new StubResponse(status, body.Replace("]}", $",\"key {r.Header("DD-API-KEY")} is not valid\"]}}", StringComparison.Ordinal));

        var result = await DatadogClient.Exporter(_stub).DeliverAsync([SaasEvents.Raised()], CancellationToken.None);

        var failing = Assert.IsType<DeliveryResult.FailingResult>(result);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), failing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(DatadogClient.Key, failing.Reason, StringComparison.Ordinal);
        Assert.Contains("***", failing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_service_is_retried_without_naming_the_key()
    {
        var options = DatadogClient.Options(_stub);
        options.Url = $"http://127.0.0.1:{FreeTcpPort()}";

        var result = await DatadogClient.Exporter(_stub, options).DeliverAsync([SaasEvents.Raised()], CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Contains("Datadog unreachable", retry.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(DatadogClient.Key, retry.Reason, StringComparison.Ordinal);
    }

    private static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
