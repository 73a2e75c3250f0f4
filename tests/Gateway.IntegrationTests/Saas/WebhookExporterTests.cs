using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Saas;

/// <summary>
/// The webhook exporter in the real gateway against a loopback receiver, and what a user does about a
/// rejected event: see it in <c>/api/v1/exporters</c>, fix the receiver, replay the dead letter.
/// </summary>
public sealed class WebhookExporterTests
{
    private const string Token = "integration-test-token-0123456789";
    private const string QuerySecret = "query-secret-5f2a9c";
    private const string HeaderSecret = "header-secret-81b7e4";
    private const string HmacSecret = "hmac-secret-0123456789abcdef";
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_rejected_alarm_is_dead_lettered_shown_replayed_after_the_fix_and_a_refused_key_marks_the_exporter_failing()
    {
        var received = new ConcurrentQueue<(string EventId, int Answer, string Body)>();
        var answer = 400;
        var port = FreePort.Next();
        await using var receiver = await TargetServer.StartAsync(new Dictionary<int, RequestDelegate>
        {
            [port] = async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                var status = Volatile.Read(ref answer);
                received.Enqueue((context.Request.Headers["X-Gateway-Event-Id"].ToString(), status, body));
                context.Response.StatusCode = status;
                await context.Response.WriteAsync(status == 400 ? "{\"error\":\"no mapping for alarm_event\"}" : "ok");
            },
        });
        var yaml = $"""
            exporters:
              webhook:
                url: http://127.0.0.1:{port}/hooks/gateway?token={QuerySecret}
                secret: {HmacSecret}
                headers: {"{"} Authorization: "Bearer {HeaderSecret}" {"}"}
                outbox: {"{"} initialBackoff: 100ms, maxBackoff: 1s {"}"}
            """;
        await using var gateway = await GatewayProcess.StartAsync(yaml, environment: new Dictionary<string, string?> { ["GATEWAY__GATEWAY__APITOKEN"] = Token });

        var id = await RaiseAsync(gateway, "disk_full");
        await Poll.UntilAsync(async () => (await ExporterAsync(gateway)).GetProperty("deadLetters").GetInt64() == 1,
            Wait, "the rejected alarm event in the webhook's dead letters", () => gateway.Output);
        var exporter = await ExporterAsync(gateway);
        Assert.Contains("Webhook answered 400 BadRequest: {\"error\":\"no mapping for alarm_event\"}", exporter.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var letters = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/exporters/webhook/deadletters");
        var letter = Assert.Single(letters!);
        Assert.Equal(received.Single().EventId, letter.GetProperty("eventId").GetString());
        Assert.Equal(id, letter.GetProperty("event").GetProperty("alarm").GetProperty("id").GetString());

        // The receiver is fixed; the user replays instead of losing the alarm.
        Volatile.Write(ref answer, 200);
        using (var unauthorised = await gateway.Http.PostAsync("/api/v1/exporters/webhook/deadletters/replay", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        }
        using (var replay = await PostAsync(gateway, "/api/v1/exporters/webhook/deadletters/replay", string.Empty))
        {
            var result = await replay.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, result.GetProperty("replayed").GetInt32());
            Assert.Equal(0, result.GetProperty("deadLettersLeft").GetInt64());
        }
        await Poll.UntilAsync(() => Task.FromResult(received.Any(r => r.Answer == 200 && r.EventId == letter.GetProperty("eventId").GetString())),
            Wait, "the replayed event at the receiver", () => gateway.Output);

        // The receiver now refuses the key: nothing is dead-lettered, the exporter is failing.
        Volatile.Write(ref answer, 401);
        await RaiseAsync(gateway, "memory_high");
        await Poll.UntilAsync(async () => (await ExporterAsync(gateway)).GetProperty("state").GetString() == "failing", Wait, "state failing", () => gateway.Output);
        Assert.Contains((await gateway.MetricsAsync()).Split('\n'), l => l.StartsWith("gateway_exporter_up{", StringComparison.Ordinal)
            && l.Contains("exporter=\"webhook\"", StringComparison.Ordinal) && l.EndsWith(" 0", StringComparison.Ordinal));
        var final = await ExporterAsync(gateway);
        Assert.Equal(0, final.GetProperty("deadLetters").GetInt64());
        Assert.True(final.GetProperty("outboxDepth").GetInt64() >= 1);

        var everything = gateway.Output + await gateway.Http.GetStringAsync("/api/v1/exporters") + await gateway.Http.GetStringAsync("/api/v1/exporters/webhook/deadletters");
        foreach (var secret in new[] { QuerySecret, HeaderSecret, HmacSecret, "/hooks/gateway" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    private static async Task<string> RaiseAsync(GatewayProcess gateway, string type)
    {
        using var response = await PostAsync(gateway, "/api/v1/alarms",
            $$"""{"action":"raise","node":"n1@host","type":"{{type}}","resource":"/var","severity":"major","description":"from the test"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ExporterAsync(GatewayProcess gateway) =>
        (await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/exporters"))!.Single(e => e.GetProperty("name").GetString() == "webhook");

    private static async Task<HttpResponseMessage> PostAsync(GatewayProcess gateway, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await gateway.Http.SendAsync(request);
    }
}
