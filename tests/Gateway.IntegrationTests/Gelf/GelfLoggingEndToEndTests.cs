using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Gelf;

/// <summary>The gateway's own log (Serilog) as JSON lines on the console and through the GELF sink to an independent receiver.</summary>
public sealed class GelfLoggingEndToEndTests
{
    private const string Token = "gelf-integration-token-0123456789";
    private const string Cookie = "gelf-test-cookie-never-logged";

    [Fact]
    public async Task The_gateways_own_log_lines_arrive_over_gelf_and_as_json_lines_without_secrets()
    {
        await using var receiver = await GelfReceiver.StartAsync();
        await using var gateway = await GatewayProcess.StartAsync($$"""
            collect:
              beam: { cookie: {{Cookie}} }
            exporters:
              console: {}
            logging:
              format: json
              gelf: { endpoint: "tcp://127.0.0.1:{{receiver.TcpPort}}", minLevel: Information }
            """, environment: new Dictionary<string, string?> { ["GATEWAY__GATEWAY__APITOKEN"] = Token });

        var started = await receiver.WaitForAsync(
            m => GelfEndToEndTests.Text(m, "_category") == "Gateway.Hosting.StartupReport" && GelfEndToEndTests.Text(m, "short_message")!.StartsWith("Gateway ", StringComparison.Ordinal),
            "the start-up log line over GELF", () => gateway.Output);
        Assert.Equal("1.1", GelfEndToEndTests.Text(started, "version"));
        Assert.Equal(Environment.MachineName, GelfEndToEndTests.Text(started, "host"));
        Assert.Equal(6, started.GetProperty("level").GetInt32());
        Assert.Equal(("gateway", "Information"), (GelfEndToEndTests.Text(started, "_application"), GelfEndToEndTests.Text(started, "_log_level")));
        Assert.Equal(JsonValueKind.Number, started.GetProperty("_event_id").ValueKind);
        Assert.Equal($"127.0.0.1:{gateway.Port}", GelfEndToEndTests.Text(started, "_Listen"));

        // The console exporter's line for an alarm comes along as well, with the message's properties.
        using (var raised = await GelfEndToEndTests.PostAsync(gateway, "/api/v1/alarms",
            """{"action":"raise","node":"n1@host","type":"disk_full","resource":"/var","severity":"major","description":"disk /var is 97% full"}"""))
        {
            raised.EnsureSuccessStatusCode();
        }
        var alarm = await receiver.WaitForAsync(m => GelfEndToEndTests.Text(m, "_category") == "Gateway.Exporters.Console.ConsoleExporter", "the console exporter's line over GELF", () => gateway.Output);
        Assert.StartsWith("alarm Raised Major node=n1@host type=disk_full resource=/var id=", GelfEndToEndTests.Text(alarm, "short_message"), StringComparison.Ordinal);
        Assert.Equal(3, alarm.GetProperty("level").GetInt32());
        Assert.Equal("n1@host", GelfEndToEndTests.Text(alarm, "_Node"));

        // The console: one JSON object per line.
        var lines = gateway.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var json = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Contains(json, l => l.GetProperty("category").GetString() == "Gateway.Hosting.StartupReport" && l.GetProperty("level").GetString() == "Information");
        Assert.Contains(json, l => l.GetProperty("message").GetString()!.StartsWith("alarm Raised Major node=n1@host", StringComparison.Ordinal) && l.GetProperty("Node").GetString() == "n1@host");
        Assert.All(lines.Where(l => !l.StartsWith('{')), l => Assert.StartsWith("gateway: ", l, StringComparison.Ordinal));

        foreach (var secret in new[] { Token, Cookie })
        {
            Assert.DoesNotContain(secret, gateway.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, receiver.Output, StringComparison.Ordinal);
        }
    }
}
