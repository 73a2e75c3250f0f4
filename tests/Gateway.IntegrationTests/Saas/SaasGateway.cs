using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Saas;

/// <summary>What the SaaS exporters' end-to-end tests share: the API token, an alarm through the API, a scrape target, checks.</summary>
internal static class SaasGateway
{
    public const string ApiToken = "integration-test-token-0123456789";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    /// <summary>A target whose counter grows by 10 per scrape beside a constant gauge.</summary>
    public static RequestDelegate GrowingTarget()
    {
        var scrapes = 0;
        return context =>
        {
            var n = Interlocked.Increment(ref scrapes);
            context.Response.ContentType = "text/plain; version=0.0.4";
            return context.Response.WriteAsync(
                $"# TYPE app_requests_total counter\napp_requests_total{{path=\"/pay\"}} {n * 10}\n# TYPE app_queue_length gauge\napp_queue_length 3\n# TYPE other_metric gauge\nother_metric 1\n");
        };
    }

    public static async Task<string> AlarmAsync(GatewayProcess gateway, string action, string type = "disk_full")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarms")
        {
            Content = new StringContent(
                $$"""{"action":"{{action}}","node":"n1@host","type":"{{type}}","resource":"/var","severity":"major","description":"disk /var is 97% full"}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        using var response = await gateway.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> ExporterAsync(GatewayProcess gateway, string name, string secret)
    {
        var text = await gateway.Http.GetStringAsync("/api/v1/exporters");
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).Clone();
    }

    /// <summary>The value of <c>gateway_exporter_up{exporter="name"}</c>, or null.</summary>
    public static async Task<string?> UpAsync(GatewayProcess gateway, string name) =>
        (await gateway.MetricsAsync()).Split('\n')
            .FirstOrDefault(l => l.StartsWith("gateway_exporter_up{", StringComparison.Ordinal) && l.Contains($"exporter=\"{name}\"", StringComparison.Ordinal))
            ?.Split(' ')[^1];

    public static Dictionary<string, string?> Environment(string name, string secret) => new()
    {
        ["GATEWAY__GATEWAY__APITOKEN"] = ApiToken,
        [name] = secret,
    };
}
