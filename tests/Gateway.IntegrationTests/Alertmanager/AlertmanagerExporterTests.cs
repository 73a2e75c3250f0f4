using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Alertmanager;

/// <summary>The gateway process posting to real Alertmanagers (two standalone ones: an HA pair as the gateway sees it).</summary>
public sealed class AlertmanagerExporterTests
{
    private const string Token = "integration-test-token-0123456789";
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_alarm_fires_in_both_Alertmanagers_stays_firing_across_resends_changes_severity_and_resolves_on_clear()
    {
        await using var am1 = await AlertmanagerServer.StartAsync(ResolveTimeout);
        await using var am2 = await AlertmanagerServer.StartAsync(ResolveTimeout);
        await using var gateway = await GatewayProcess.StartAsync(
            $"exporters:\n  alertmanager:\n    urls: [ \"{am1.Url}\", \"{am2.Url}\" ]\n    resendInterval: 1s\n",
            environment: new Dictionary<string, string?> { ["GATEWAY__GATEWAY__APITOKEN"] = Token });
        AlertmanagerServer[] both = [am1, am2];
        string Diagnostics() => gateway.Output + Environment.NewLine + am1.Output + Environment.NewLine + am2.Output;

        var id = await RaiseAsync(gateway, "major");

        foreach (var am in both)
        {
            var alert = await Poll.UntilAsync(async () => (await am.AlertsAsync("alertname=\"disk_full\"")).SingleOrDefault() is { ValueKind: JsonValueKind.Object } a ? (object)a : null,
                Patience, "the alert in " + am.Url, Diagnostics);
            var fired = (JsonElement)alert;
            Assert.Equal(new Dictionary<string, string>
            {
                ["alertname"] = "disk_full",
                ["instance"] = "n1@host",
                ["job"] = "gateway",
                ["severity"] = "major",
                ["resource"] = "/var",
                ["alarm_id"] = id,
            }, AlertmanagerServer.Labels(fired));
            Assert.Equal("active", fired.GetProperty("status").GetProperty("state").GetString());
            Assert.Equal("disk /var is 97% full", fired.GetProperty("annotations").GetProperty("description").GetString());
            Assert.Equal($"http://127.0.0.1:{gateway.Port}/api/v1/alarms/{id}", fired.GetProperty("generatorURL").GetString());
        }

        // Firing for longer than resolve_timeout: only the resends keep it so.
        var firstSeen = DateTime.UtcNow;
        while (DateTime.UtcNow - firstSeen < 2 * ResolveTimeout)
        {
            foreach (var am in both)
            {
                var alerts = await am.AlertsAsync("alertname=\"disk_full\"");
                Assert.True(alerts.Length == 1, $"{am.Url} lost the alert {DateTime.UtcNow - firstSeen} after it fired{Environment.NewLine}{Diagnostics()}");
            }
            await Task.Delay(500);
        }

        // A severity change: the critical alert fires, the major one is resolved (labels are the identity).
        Assert.Equal(id, await RaiseAsync(gateway, "critical"));
        foreach (var am in both)
        {
            await Poll.UntilAsync(async () =>
                (await am.AlertsAsync("alertname=\"disk_full\"")).Select(a => AlertmanagerServer.Labels(a)["severity"]).SequenceEqual(["critical"]),
                Patience, "only the critical alert in " + am.Url, Diagnostics);
        }

        using var cleared = await PostAsync(gateway, "/api/v1/alarms", $$"""{"action":"clear","id":"{{id}}"}""");
        cleared.EnsureSuccessStatusCode();
        foreach (var am in both)
        {
            await Poll.UntilAsync(async () => (await am.AlertsAsync("alertname=\"disk_full\"")).Length == 0, Patience, "the alert resolved in " + am.Url, Diagnostics);
        }
        // An absence needs a window: three resend intervals in which no resend may bring it back.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var am in both)
        {
            Assert.Empty(await am.AlertsAsync("alertname=\"disk_full\""));
        }

        var exporters = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/exporters");
        Assert.Equal(["alertmanager-1", "alertmanager-2"], exporters!.Select(e => e.GetProperty("name").GetString()).Where(n => n!.StartsWith("alertmanager", StringComparison.Ordinal)));
        var metrics = await gateway.MetricsAsync();
        Assert.True(ExporterMetrics.IsUp(metrics, "alertmanager-1"), metrics);
        Assert.True(ExporterMetrics.IsUp(metrics, "alertmanager-2"), metrics);
    }

    [Fact]
    public async Task A_down_Alertmanager_holds_up_only_its_own_outbox()
    {
        await using var am1 = await AlertmanagerServer.StartAsync(TimeSpan.FromMinutes(5));
        var dead = $"http://127.0.0.1:{FreePort.Next()}";
        await using var gateway = await GatewayProcess.StartAsync(
            $"exporters:\n  alertmanager:\n    urls: [ \"{dead}\", \"{am1.Url}\" ]\n",
            environment: new Dictionary<string, string?> { ["GATEWAY__GATEWAY__APITOKEN"] = Token });

        await RaiseAsync(gateway, "warning");

        await Poll.UntilAsync(async () => (await am1.AlertsAsync("alertname=\"disk_full\"")).Length == 1, Patience, "the alert in the live Alertmanager", () => gateway.Output);
        var exporters = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/exporters");
        var first = exporters!.Single(e => e.GetProperty("name").GetString() == "alertmanager-1");
        Assert.Equal(1, first.GetProperty("outboxDepth").GetInt64());
    }

    private static async Task<string> RaiseAsync(GatewayProcess gateway, string severity)
    {
        using var response = await PostAsync(gateway, "/api/v1/alarms",
            $$"""{"action":"raise","node":"n1@host","type":"disk_full","resource":"/var","severity":"{{severity}}","description":"disk /var is 97% full"}""");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostAsync(GatewayProcess gateway, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await gateway.Http.SendAsync(request);
    }
}
