using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using Gateway.Tests.Saas;

namespace Gateway.IntegrationTests.Saas;

/// <summary>
/// The real gateway process with its Splunk HEC exporter (indexer acknowledgement on) pointed at a stub
/// collector: while the token is refused the exporter is failing (<c>gateway_exporter_up 0</c>) and the
/// events wait; once it is accepted they arrive in order, acknowledged, and the token is nowhere in the
/// gateway's output or its exporter API.
/// </summary>
public sealed class SplunkHecEndToEndTests
{
    private const string Token = "7d1c8a52-0b36-4c8e-9f42-3f1e2d4c5b6a";
    private const string Channel = "a4b1e3c2-5d6f-4a7b-8c9d-0e1f2a3b4c5d";

    [Fact]
    public async Task Events_wait_while_the_token_is_refused_and_arrive_acknowledged_once_it_is_accepted()
    {
        var envelopes = new ConcurrentQueue<JsonElement>();
        var refuse = 1;
        var acks = 0L;
        await using var stub = await SaasStub.StartAsync(r =>
        {
            if (Volatile.Read(ref refuse) == 1 || r.Header("Authorization") != "Splunk " + Token)
            {
                return new StubResponse(403, """{"text":"Invalid token","code":4}""");
            }
            if (r.Header("X-Splunk-Request-Channel") != Channel)
            {
                return new StubResponse(400, """{"text":"Data channel is missing","code":10}""");
            }
            if (r.Path == "/services/collector/ack")
            {
                var id = r.Json().GetProperty("acks")[0].GetInt64();
                return new StubResponse(200, "{\"acks\":{\"" + id + "\":true}}");
            }
            var reader = new Utf8JsonReader(r.Body, new JsonReaderOptions { AllowMultipleValues = true });
            while (reader.Read())
            {
                using var document = JsonDocument.ParseValue(ref reader);
                envelopes.Enqueue(document.RootElement.Clone());
            }
            return new StubResponse(200, $$"""{"text":"Success","code":0,"ackId":{{Interlocked.Increment(ref acks)}}}""");
        });
        await using var gateway = await GatewayProcess.StartAsync($$"""
            exporters:
              console: {}
              splunkHec:
                url: {{stub.Url}}
                token: ${SPLUNK_HEC_TOKEN}
                index: beam
                ack: { enabled: true, channel: {{Channel}}, pollInterval: 200ms, timeout: 5s }
            outbox:
              initialBackoff: 100ms
              maxBackoff: 1s
            """, environment: SaasGateway.Environment("SPLUNK_HEC_TOKEN", Token));

        var id = await SaasGateway.AlarmAsync(gateway, "raise");
        await Poll.UntilAsync(async () => await SaasGateway.UpAsync(gateway, "splunkHec") == "0", SaasGateway.Wait, "the exporter failing", () => gateway.Output);
        var failing = await SaasGateway.ExporterAsync(gateway, "splunkHec", Token);
        Assert.Equal("failing", failing.GetProperty("state").GetString());
        Assert.Contains("Invalid token", failing.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(envelopes);

        Volatile.Write(ref refuse, 0);
        await SaasGateway.AlarmAsync(gateway, "clear");
        await Poll.UntilAsync(() => Task.FromResult(envelopes.Count(e => e.GetProperty("event").GetProperty("alarmId").GetString() == id) == 2),
            SaasGateway.Wait, "the raise and the clear in Splunk", () => gateway.Output);
        var alarm = envelopes.Where(e => e.GetProperty("event").GetProperty("alarmId").GetString() == id).ToArray();
        Assert.Equal(["raised", "cleared"], alarm.Select(e => e.GetProperty("event").GetProperty("event").GetString()));
        Assert.All(alarm, e => Assert.Equal("beam", e.GetProperty("index").GetString()));
        Assert.All(alarm, e => Assert.Equal("gateway:alarm", e.GetProperty("sourcetype").GetString()));
        Assert.All(alarm, e => Assert.Equal("n1@host", e.GetProperty("fields").GetProperty("node").GetString()));

        await Poll.UntilAsync(async () => await SaasGateway.UpAsync(gateway, "splunkHec") == "1", SaasGateway.Wait, "the exporter up again", () => gateway.Output);
        Assert.Equal("up", (await SaasGateway.ExporterAsync(gateway, "splunkHec", Token)).GetProperty("state").GetString());
        Assert.DoesNotContain(Token, gateway.Output, StringComparison.Ordinal);
    }
}
