using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Saas;

/// <summary>The gateway process posting alarms to Slack and Teams webhook stand-ins, the webhook URLs given as <c>${ENV}</c>.</summary>
public sealed class ChatWebhookTests
{
    private const string Token = "integration-test-token-0123456789";
    private const string SlackSecret = "Xsecret0slack0hook";
    private const string TeamsSecret = "Sig0secret0teams0workflow";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Raise_and_clear_reach_Slack_and_Teams_and_no_webhook_url_shows_anywhere()
    {
        var slack = new ConcurrentQueue<(string Url, JsonElement Body)>();
        var teams = new ConcurrentQueue<(string Url, JsonElement Body)>();
        var slackAnswer = 200;
        int slackPort = FreePort.Next(), teamsPort = FreePort.Next();
        await using var stubs = await TargetServer.StartAsync(new Dictionary<int, RequestDelegate>
        {
            [slackPort] = async context =>
            {
                slack.Enqueue((context.Request.Path + context.Request.QueryString, await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body)));
                context.Response.StatusCode = slackAnswer;
                await context.Response.WriteAsync(slackAnswer == 200 ? "ok" : "no_service");
            },
            [teamsPort] = async context =>
            {
                teams.Enqueue((context.Request.Path + context.Request.QueryString, await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body)));
                context.Response.StatusCode = 202;
            },
        });
        var slackPath = $"/services/T0001/B0001/{SlackSecret}";
        var teamsPathAndQuery = $"/workflows/0c1a/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={TeamsSecret}";
        await using var gateway = await GatewayProcess.StartAsync(
            "exporters:\n  slack:\n    webhookUrl: ${GW_TEST_SLACK_WEBHOOK}\n  teams:\n    url: ${GW_TEST_TEAMS_WEBHOOK}\n",
            environment: new Dictionary<string, string?>
            {
                ["GATEWAY__GATEWAY__APITOKEN"] = Token,
                ["GW_TEST_SLACK_WEBHOOK"] = $"http://127.0.0.1:{slackPort}{slackPath}",
                ["GW_TEST_TEAMS_WEBHOOK"] = $"http://127.0.0.1:{teamsPort}{teamsPathAndQuery}",
            });

        var id = await RaiseOrClearAsync(gateway, "raise");
        await RaiseOrClearAsync(gateway, "clear");

        await Poll.UntilAsync(() => Task.FromResult(slack.Count >= 2 && teams.Count >= 2), Patience, "two Slack messages and two Teams cards", () => gateway.Output);
        Assert.All(slack, m => Assert.Equal(slackPath, m.Url));
        Assert.All(teams, m => Assert.Equal(teamsPathAndQuery, m.Url));
        Assert.Equal(["Raised major: disk_full on n1@host (/var)", "Cleared (was major): disk_full on n1@host (/var)"], slack.Select(m => m.Body.GetProperty("text").GetString()));
        Assert.Equal($"http://127.0.0.1:{gateway.Port}/api/v1/alarms/{id}", slack.First().Body.GetProperty("attachments")[0].GetProperty("title_link").GetString());
        Assert.Equal(["attention", "good"], teams.Select(m => m.Body.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("style").GetString()));
        var metrics = await gateway.MetricsAsync();
        Assert.True(ExporterMetrics.IsUp(metrics, "slack"), metrics);
        Assert.True(ExporterMetrics.IsUp(metrics, "teams"), metrics);

        // The webhook is removed in Slack: failing, the message waits, still no URL in sight.
        slackAnswer = 404;
        await RaiseOrClearAsync(gateway, "raise");
        await Poll.UntilAsync(async () => ExporterMetrics.IsUp(await gateway.MetricsAsync(), "slack", 0),
            Patience, "the Slack exporter failing", () => gateway.Output);
        var exporters = await gateway.Http.GetStringAsync("/api/v1/exporters");
        var slackView = JsonSerializer.Deserialize<JsonElement[]>(exporters)!.Single(e => e.GetProperty("name").GetString() == "slack");
        Assert.Equal(1, slackView.GetProperty("outboxDepth").GetInt64());
        Assert.Equal(0, slackView.GetProperty("deadLetters").GetInt64());
        Assert.Contains("no_service", exporters, StringComparison.Ordinal);
        foreach (var secret in new[] { SlackSecret, TeamsSecret, "/services/T0001" })
        {
            Assert.DoesNotContain(secret, exporters, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, gateway.Output, StringComparison.Ordinal);
        }
    }

    private static async Task<string> RaiseOrClearAsync(GatewayProcess gateway, string action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarms")
        {
            Content = new StringContent($$"""{"action":"{{action}}","node":"n1@host","type":"disk_full","resource":"/var","severity":"major","description":"disk /var is 97% full"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await gateway.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
