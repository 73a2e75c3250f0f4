using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using Gateway.Tests.Saas;

namespace Gateway.IntegrationTests.Saas;

/// <summary>
/// The real gateway process with its Datadog exporter pointed at a stub of Datadog's API (<c>url:</c>):
/// an alarm raised and cleared through the HTTP API arrives as two events with the alarm id as
/// aggregation key, the scrape target's node-up as an event, its selected metrics as series, and
/// the API key is nowhere in the gateway's output or its exporter API.
/// </summary>
public sealed class DatadogEndToEndTests
{
    private const string Key = "dd-e2e-api-key-0123456789abcdef";

    [Fact]
    public async Task Alarms_node_events_and_selected_metrics_reach_Datadog()
    {
        var events = new ConcurrentQueue<JsonElement>();
        var series = new ConcurrentQueue<JsonElement>();
        await using var stub = await SaasStub.StartAsync(r =>
        {
            if (r.Header("DD-API-KEY") != Key)
            {
                return new StubResponse(403, """{"errors":["Forbidden"]}""");
            }
            switch (r.Path)
            {
                case "/api/v1/events":
                    events.Enqueue(r.Json());
                    return new StubResponse(202, """{"status":"ok","event":{"id":1}}""");
                case "/api/v2/series":
                    foreach (var s in r.Json().GetProperty("series").EnumerateArray())
                    {
                        series.Enqueue(s.Clone());
                    }
                    return new StubResponse(202, """{"errors":[]}""");
                default:
                    return new StubResponse(404, """{"errors":["Not found"]}""");
            }
        });
        await using var target = await TargetServer.StartAsync([SaasGateway.GrowingTarget()]);
        var instance = $"127.0.0.1:{target.Ports.Single()}";
        await using var gateway = await GatewayProcess.StartAsync($$"""
            collect:
              interval: 2s
              timeout: 2s
              prometheus:
                - job: web
                  targets: [ "{{instance}}" ]
            exporters:
              console: {}
              datadog:
                apiKey: ${DD_API_KEY}
                url: {{stub.Url}}
                metrics: [ "app_*" ]
                tags: [ "env:e2e" ]
            outbox:
              initialBackoff: 100ms
              maxBackoff: 1s
            """, environment: SaasGateway.Environment("DD_API_KEY", Key));

        var id = await SaasGateway.AlarmAsync(gateway, "raise");
        await SaasGateway.AlarmAsync(gateway, "clear");

        await Poll.UntilAsync(() => Task.FromResult(events.Count(e => e.TryGetProperty("aggregation_key", out var k) && k.GetString() == id) == 2),
            SaasGateway.Wait, "the raise and the clear as Datadog events", () => gateway.Output);
        var alarm = events.Where(e => e.TryGetProperty("aggregation_key", out var k) && k.GetString() == id).ToArray();
        Assert.Equal(["error", "success"], alarm.Select(e => e.GetProperty("alert_type").GetString()));
        Assert.Equal("[major] disk_full on n1@host (/var)", alarm[0].GetProperty("title").GetString());
        Assert.Equal("n1@host", alarm[0].GetProperty("host").GetString());
        Assert.Contains("env:e2e", alarm[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        await Poll.UntilAsync(() => Task.FromResult(events.Any(e => e.GetProperty("title").GetString() == $"[node up] {instance}")),
            SaasGateway.Wait, "the target's node up as an event", () => gateway.Output);
        await Poll.UntilAsync(() => Task.FromResult(series.Any(s => s.GetProperty("metric").GetString() == "app_requests_total")),
            SaasGateway.Wait, "the counter as a count (after its baseline)", () => gateway.Output);
        var count = series.First(s => s.GetProperty("metric").GetString() == "app_requests_total");
        Assert.Equal(1, count.GetProperty("type").GetInt32());
        Assert.True(count.GetProperty("points")[0].GetProperty("value").GetDouble() >= 10);
        Assert.Equal(instance, count.GetProperty("resources")[0].GetProperty("name").GetString());
        Assert.Contains("path:/pay", count.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var gauge = series.First(s => s.GetProperty("metric").GetString() == "app_queue_length");
        Assert.Equal(3, gauge.GetProperty("type").GetInt32());
        Assert.DoesNotContain(series, s => s.GetProperty("metric").GetString() == "other_metric");

        var exporter = await SaasGateway.ExporterAsync(gateway, "datadog", Key);
        Assert.Equal("up", exporter.GetProperty("state").GetString());
        Assert.Equal("1", await SaasGateway.UpAsync(gateway, "datadog"));
        Assert.DoesNotContain(Key, gateway.Output, StringComparison.Ordinal);
    }
}
