using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Saas;

/// <summary>The real gateway process sending alarms to an Opsgenie Alert API stub (<c>url:</c>).</summary>
public sealed class OpsgenieIntegrationTests
{
    private const string Token = "integration-test-token-0123456789";
    private const string ApiKey = "6e1f0c33-5a7b-4a0e-9a51-2b7f3c0d9e41";

    [Fact]
    public async Task Raise_escalate_comment_and_clear_arrive_as_alert_api_calls_by_alias()
    {
        await using var opsgenie = await RecordingSaas.StartAsync();
        opsgenie.Answer = _ => (202, """{"result":"Request will be processed","took":0.302,"requestId":"43a29c5c-3dbf-4fa4-9c26-f4f71023e120"}""");
        var keyFile = Path.Combine(Directory.CreateTempSubdirectory("gateway-og-").FullName, "opsgenie.key");
        await File.WriteAllTextAsync(keyFile, ApiKey);
        await using var gateway = await GatewayProcess.StartAsync(
            $$"""
            exporters:
              console: {}
              opsgenie:
                apiKey: ${file:{{keyFile}}}
                url: {{opsgenie.Url}}
                responders: [ { type: team, name: ops } ]
            """,
            environment: new Dictionary<string, string?> { ["GATEWAY__GATEWAY__APITOKEN"] = Token });

        const string raise = """{"action":"raise","node":"n1@host","type":"disk_full","resource":"/var","severity":"major","description":"disk /var is 97% full"}""";
        var id = await PagerDutyIntegrationTests.PostAsync(gateway, "/api/v1/alarms", raise, "id");
        await PagerDutyIntegrationTests.PostAsync(gateway, "/api/v1/alarms", raise.Replace("\"major\"", "\"critical\"", StringComparison.Ordinal));
        await PagerDutyIntegrationTests.PostAsync(gateway, $"/api/v1/alarms/{id}/comment", """{"comment":"disk ordered"}""");
        await PagerDutyIntegrationTests.PostAsync(gateway, "/api/v1/alarms", $$"""{"action":"clear","id":"{{id}}"}""");
        await Poll.UntilAsync(() => Task.FromResult(opsgenie.Calls.Count >= 4), TimeSpan.FromSeconds(60), "four Alert API calls at the stub", gateway.OutputAndCalls(opsgenie));

        var calls = opsgenie.Calls;
        Assert.Equal(
        [
            "POST /v2/alerts",
            $"PUT /v2/alerts/{id}/priority?identifierType=alias",
            $"POST /v2/alerts/{id}/notes?identifierType=alias",
            $"POST /v2/alerts/{id}/close?identifierType=alias",
        ], calls.Select(c => $"{c.Method} {c.Target}"));
        Assert.All(calls, c => Assert.Equal("GenieKey " + ApiKey, c.Authorization));
        var create = calls[0].Body;
        Assert.Equal(id, create.GetProperty("alias").GetString());
        Assert.Equal("P2", create.GetProperty("priority").GetString());
        Assert.Equal("n1@host", create.GetProperty("entity").GetString());
        Assert.Equal("ops", create.GetProperty("responders")[0].GetProperty("name").GetString());
        Assert.Equal("P1", calls[1].Body.GetProperty("priority").GetString());
        Assert.Equal("disk ordered", calls[2].Body.GetProperty("note").GetString());

        var exporters = await gateway.Http.GetStringAsync("/api/v1/exporters");
        var view = JsonDocument.Parse(exporters).RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "opsgenie");
        Assert.Equal("up", view.GetProperty("state").GetString());
        Assert.Equal("1", SaasDiagnostics.ExporterUp(await gateway.MetricsAsync(), "opsgenie"));
        Assert.DoesNotContain(ApiKey, exporters, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, gateway.Output, StringComparison.Ordinal);
    }
}
