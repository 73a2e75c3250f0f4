using Gateway.Core.Export;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.SplunkHec;

/// <summary>Indexer acknowledgement: a request counts as delivered only when /services/collector/ack says so.</summary>
public sealed class SplunkHecAckTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(SaasEvents.Time);
    private SaasStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SaasStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private Gateway.Saas.SplunkHec.SplunkHecExporter Exporter(string? channel = SplunkHecClient.Channel)
    {
        var options = SplunkHecClient.Options(_stub);
        options.Ack.Enabled = true;
        options.Ack.Channel = channel;
        options.Ack.PollInterval = TimeSpan.FromSeconds(1);
        options.Ack.Timeout = TimeSpan.FromSeconds(10);
        return SplunkHecClient.Exporter(_stub, options, _time);
    }

    // Moves the fake clock while the exporter waits between polls, until the delivery ends.
    private async Task<DeliveryResult> DeliverAsync(Gateway.Saas.SplunkHec.SplunkHecExporter exporter)
    {
        var delivery = exporter.DeliverAsync([SaasEvents.Raised(), SaasEvents.Notification()], CancellationToken.None).AsTask();
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (!delivery.IsCompleted)
        {
            Assert.True(guard.Elapsed < TimeSpan.FromSeconds(60), "the delivery never ended");
            await Task.Delay(10);
            _time.Advance(TimeSpan.FromMilliseconds(250));
        }
        return await delivery;
    }

    [Fact]
    public async Task Events_are_delivered_once_their_ackId_is_acknowledged()
    {
        var polls = 0;
        _stub.Handler = r => r.Path switch
        {
            "/services/collector/event" => SplunkHecClient.Success(ackId: 7),
            "/services/collector/ack" => new StubResponse(200, Interlocked.Increment(ref polls) < 3 ? """{"acks":{"7":false}}""" : """{"acks":{"7":true}}"""),
            _ => new StubResponse(404, """{"text":"The requested URL was not found on this server.","code":404}"""),
        };

        var result = await DeliverAsync(Exporter());

        Assert.Equal(DeliveryResult.Delivered, result);
        var requests = _stub.Requests.ToArray();
        Assert.Equal(4, requests.Length);
        Assert.All(requests, r => Assert.Equal(SplunkHecClient.Channel, r.Header("X-Splunk-Request-Channel")));
        Assert.All(requests, r => Assert.Equal("Splunk " + SplunkHecClient.Token, r.Header("Authorization")));
        Assert.Equal("/services/collector/event", requests[0].Path);
        foreach (var poll in requests[1..])
        {
            Assert.Equal("POST", poll.Method);
            Assert.Equal("/services/collector/ack", poll.Path);
            Assert.Equal([7L], poll.Json().GetProperty("acks").EnumerateArray().Select(a => a.GetInt64()));
        }
    }

    [Fact]
    public async Task No_acknowledgement_within_the_timeout_is_a_retry()
    {
        _stub.Handler = r => r.Path == "/services/collector/event" ? SplunkHecClient.Success(ackId: 3) : new StubResponse(200, """{"acks":{"3":false}}""");

        var retry = Assert.IsType<DeliveryResult.RetryResult>(await DeliverAsync(Exporter()));

        Assert.Contains("did not acknowledge ackId 3", retry.Reason, StringComparison.Ordinal);
        Assert.Equal(0, retry.DeliveredCount);
        Assert.InRange(_stub.Requests.Count(r => r.Path == "/services/collector/ack"), 2, 11);
    }

    [Fact]
    public async Task A_poll_that_fails_for_a_passing_reason_is_asked_again()
    {
        var polls = 0;
        _stub.Handler = r => r.Path == "/services/collector/event"
            ? SplunkHecClient.Success(ackId: 1)
            : Interlocked.Increment(ref polls) == 1 ? new StubResponse(503, """{"text":"Server is busy","code":9}""") : new StubResponse(200, """{"acks":{"1":true}}""");

        Assert.Equal(DeliveryResult.Delivered, await DeliverAsync(Exporter()));
    }

    [Fact]
    public async Task Ack_disabled_on_the_token_is_a_configuration_error()
    {
        _stub.Handler = _ => new StubResponse(400, """{"text":"ACK is disabled","code":14}""");

        var failing = Assert.IsType<DeliveryResult.FailingResult>(await DeliverAsync(Exporter()));

        Assert.Contains("ACK is disabled", failing.Reason, StringComparison.Ordinal);
        Assert.Contains("ack.enabled: false", failing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_channel_is_a_guid_and_stays_the_same()
    {
        _stub.Handler = r => r.Path == "/services/collector/event" ? SplunkHecClient.Success(ackId: 1) : new StubResponse(200, """{"acks":{"1":true}}""");
        var exporter = Exporter(channel: null);

        await DeliverAsync(exporter);
        await DeliverAsync(exporter);

        Assert.True(Guid.TryParse(exporter.Channel, out _));
        Assert.All(_stub.Requests, r => Assert.Equal(exporter.Channel, r.Header("X-Splunk-Request-Channel")));
    }

    [Fact]
    public async Task A_token_without_acknowledgement_delivers_on_acceptance()
    {
        _stub.Handler = _ => SplunkHecClient.Success();

        Assert.Equal(DeliveryResult.Delivered, await DeliverAsync(Exporter()));
        Assert.Single(_stub.Requests);
    }
}
