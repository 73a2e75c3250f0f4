using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Saas;

/// <summary>The real gateway process sending alarms to a PagerDuty Events API v2 stub (<c>url:</c>).</summary>
public sealed class PagerDutyIntegrationTests
{
    private const string Token = "integration-test-token-0123456789";
    private const string RoutingKey = "R0ut1ngKeyR0ut1ngKeyR0ut1ngKey01";
    private const string RaiseBody = """{"action":"raise","node":"n1@host","type":"disk_full","resource":"/var","severity":"critical","description":"disk /var is 99% full"}""";

    private static Task<GatewayProcess> StartAsync(RecordingSaas pagerDuty) =>
        GatewayProcess.StartAsync(
            $"""
            exporters:
              console: {"{}"}
              pagerduty:
                routingKey: ${"{"}PD_ROUTING_KEY{"}"}
                url: {pagerDuty.Url}
            """,
            environment: new Dictionary<string, string?> { ["GATEWAY__GATEWAY__APITOKEN"] = Token, ["PD_ROUTING_KEY"] = RoutingKey });

    [Fact]
    public async Task Raise_acknowledge_and_clear_arrive_as_trigger_acknowledge_resolve()
    {
        await using var pagerDuty = await RecordingSaas.StartAsync();
        pagerDuty.Answer = c => (202, $$"""{"status":"success","message":"Event processed","dedup_key":"{{c.Body.GetProperty("dedup_key").GetString()}}"}""");
        await using var gateway = await StartAsync(pagerDuty);

        var id = await PostAsync(gateway, "/api/v1/alarms", RaiseBody, "id");
        await PostAsync(gateway, $"/api/v1/alarms/{id}/ack", """{"comment":"looking"}""");
        await PostAsync(gateway, "/api/v1/alarms", $$"""{"action":"clear","id":"{{id}}"}""");
        await Poll.UntilAsync(() => Task.FromResult(pagerDuty.Calls.Count >= 3), TimeSpan.FromSeconds(60), "trigger, acknowledge and resolve at the stub", gateway.OutputAndCalls(pagerDuty));

        var calls = pagerDuty.Calls;
        Assert.All(calls, c => Assert.Equal("POST /v2/enqueue", $"{c.Method} {c.Target}"));
        Assert.All(calls, c => Assert.StartsWith("application/json", c.ContentType, StringComparison.Ordinal));
        Assert.All(calls, c => Assert.Equal(RoutingKey, c.Body.GetProperty("routing_key").GetString()));
        Assert.All(calls, c => Assert.Equal(id, c.Body.GetProperty("dedup_key").GetString()));
        Assert.Equal(["trigger", "acknowledge", "resolve"], calls.Select(c => c.Body.GetProperty("event_action").GetString()!));
        var payload = calls[0].Body.GetProperty("payload");
        Assert.Equal("critical", payload.GetProperty("severity").GetString());
        Assert.Equal("n1@host", payload.GetProperty("source").GetString());
        Assert.Equal("/var", payload.GetProperty("component").GetString());
        Assert.Equal("disk_full", payload.GetProperty("class").GetString());

        var exporters = await gateway.Http.GetStringAsync("/api/v1/exporters");
        var view = JsonDocument.Parse(exporters).RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "pagerduty");
        Assert.Equal("up", view.GetProperty("state").GetString());
        Assert.Equal(3, view.GetProperty("sent").GetInt64());
        Assert.Equal("1", SaasDiagnostics.ExporterUp(await gateway.MetricsAsync(), "pagerduty"));
        Assert.DoesNotContain(RoutingKey, exporters, StringComparison.Ordinal);
        Assert.DoesNotContain(RoutingKey, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_routing_key_shows_the_exporter_failing_without_the_key()
    {
        await using var pagerDuty = await RecordingSaas.StartAsync();
        pagerDuty.Answer = _ => (400, """{"status":"invalid event","message":"Event object is invalid","errors":["Invalid routing key"]}""");
        await using var gateway = await StartAsync(pagerDuty);

        await PostAsync(gateway, "/api/v1/alarms", RaiseBody, "id");

        var view = await Poll.UntilAsync(async () =>
        {
            var all = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/exporters");
            var pd = all!.Single(e => e.GetProperty("name").GetString() == "pagerduty");
            return pd.GetProperty("state").GetString() == "failing" ? pd.ToString() : null;
        }, TimeSpan.FromSeconds(60), "the exporter to be failing", gateway.OutputAndCalls(pagerDuty));
        Assert.Contains("Invalid routing key", view, StringComparison.Ordinal);
        Assert.Contains("\"deadLetters\":0", view, StringComparison.Ordinal);
        Assert.DoesNotContain(RoutingKey, view, StringComparison.Ordinal);
        Assert.Equal("0", SaasDiagnostics.ExporterUp(await gateway.MetricsAsync(), "pagerduty"));
        Assert.DoesNotContain(RoutingKey, gateway.Output, StringComparison.Ordinal);
    }

    internal static async Task<string?> PostAsync(GatewayProcess gateway, string path, string body, string? field = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await gateway.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return field is null ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(field).GetString();
    }
}

internal static class SaasDiagnostics
{
    /// <summary>The value of <c>gateway_exporter_up</c> for <paramref name="exporter"/>, or the exposition when absent.</summary>
    public static string ExporterUp(string exposition, string exporter) =>
        exposition.Split('\n').FirstOrDefault(l => l.StartsWith("gateway_exporter_up{", StringComparison.Ordinal) && l.Contains($"exporter=\"{exporter}\"", StringComparison.Ordinal))
            ?.Split(' ')[^1] ?? exposition;

    public static Func<string> OutputAndCalls(this GatewayProcess gateway, RecordingSaas saas) =>
        () => gateway.Output + Environment.NewLine + string.Join(Environment.NewLine, saas.Calls.Select(c => $"{c.Method} {c.Target} {c.Body}"));
}
