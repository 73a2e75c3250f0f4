using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using Gateway.Tests.Exporters.Snmp;

namespace Gateway.IntegrationTests.Snmp;

/// <summary>
/// The real gateway process with an SNMP destination and agent: an alarm raised through the API
/// arrives at snmptrapd as gwAlarmRaised, the agent serves it to snmpwalk, and an inform to a manager
/// that is down survives <c>kill -9</c> of the gateway and is delivered once the manager is up.
/// </summary>
public sealed class SnmpEndToEndTests
{
    private const string Token = "integration-test-token-0123456789";
    private const string TrapdConfig = "disableAuthorization yes\n";

    [Fact]
    public async Task An_alarm_raised_through_the_api_reaches_snmptrapd_and_the_agent_table()
    {
        using var trapd = await SnmpTrapd.StartAsync(TrapdConfig);
        var agentPort = FreeUdpPort.Next();
        await using var gateway = await StartAsync($$"""
            exporters:
              snmp:
                destinations:
                  - { address: "{{trapd.Address}}", version: v2c, community: public, inform: false }
                agent: { listen: "127.0.0.1:{{agentPort}}", community: public }
            """);

        var id = await RaiseAsync(gateway, "disk_full", "/var");

        var varbinds = await trapd.VarBindsOfAsync(id);
        Assert.Contains(varbinds, v => v.Contains("gwAlarmRaised", StringComparison.Ordinal));
        Assert.Contains(varbinds, v => v.Contains("gwAlarmNode", StringComparison.Ordinal) && v.Contains("n1@host", StringComparison.Ordinal));
        Assert.Contains(varbinds, v => v.Contains("gwAlarmSeverity", StringComparison.Ordinal) && v.Contains("major", StringComparison.Ordinal));

        var walk = await Poll.UntilAsync(async () =>
            {
                var result = await SnmpTool.RunAsync(NetSnmpTools.SnmpWalk,
                    [.. TestMibs.NetSnmpArgs, "-v2c", "-c", "public", "-t", "1", "-r", "1", $"127.0.0.1:{agentPort}", "GATEWAY-MIB::gwAlarmTable"]);
                return result.StdOut.Contains(id, StringComparison.Ordinal) ? result : null;
            },
            TimeSpan.FromSeconds(60), "the alarm in the agent's gwAlarmTable", () => gateway.Output);
        Assert.Contains(walk.Lines, l => l.Contains("gwAlarmType", StringComparison.Ordinal) && l.Contains("disk_full", StringComparison.Ordinal));

        // A wrong community gets no answer, and is counted on /metrics (once the agent has read the
        // datagram: snmpwalk giving up does not mean the gateway got to it yet on a busy machine).
        var refused = await SnmpTool.RunAsync(NetSnmpTools.SnmpWalk,
            [.. TestMibs.NetSnmpArgs, "-v2c", "-c", "not-the-community", "-t", "1", "-r", "0", $"127.0.0.1:{agentPort}", "GATEWAY-MIB::gwAlarmTable"]);
        Assert.NotEqual(0, refused.ExitCode);
        await Poll.UntilAsync(async () => (await gateway.MetricsAsync()).Split('\n').Any(l =>
                l.StartsWith("gateway_snmp_agent_dropped_total{", StringComparison.Ordinal) && l.Contains("reason=\"bad_community\"", StringComparison.Ordinal) && !l.EndsWith(" 0", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), "the bad community counted on /metrics", () => gateway.Output);
    }

    [Fact]
    public async Task Informs_to_a_manager_that_is_down_survive_kill_9_and_arrive_once_each_in_order()
    {
        var trapdPort = FreeUdpPort.Next();
        var dir = Directory.CreateTempSubdirectory("gateway-snmp-kill-").FullName;
        var config = $$"""
            exporters:
              snmp:
                destinations:
                  - { address: "127.0.0.1:{{trapdPort}}", version: v2c, community: public, inform: true, timeout: 10s, retries: 0 }
            outbox:
              initialBackoff: 200ms
              maxBackoff: 1s
            """;
        string fan, disk;
        await using (var first = await StartAsync(config, dir))
        {
            fan = await RaiseAsync(first, "fan_failure", "fan2");
            disk = await RaiseAsync(first, "disk_full", "/var");
            await ClearAsync(first, fan);
            await Poll.UntilAsync(async () => (await first.MetricsAsync()).Split('\n').Any(l =>
                    l.StartsWith("gateway_exporter_retries_total{", StringComparison.Ordinal) && l.Contains("snmp", StringComparison.Ordinal) && !l.EndsWith(" 0", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(60), "a failed inform attempt", () => first.Output);
            first.Kill();
        }

        using var trapd = await SnmpTrapd.StartAsync(TrapdConfig, trapdPort);
        await using var second = await StartAsync(config, dir);
        await Poll.UntilAsync(async () => (await second.MetricsAsync()).Split('\n').Any(l =>
                l.StartsWith("gateway_outbox_depth{", StringComparison.Ordinal) && l.Contains("snmp", StringComparison.Ordinal) && l.EndsWith(" 0", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), "the outbox to drain", () => second.Output);

        // Raised fan, raised disk, cleared fan: once each, in the order they happened. The inform
        // timeout (10 s) is far above an acknowledgement's time, so a slow machine does not make the
        // gateway retry (and snmptrapd log) one twice; the log may trail the acknowledgements.
        var received = await Poll.UntilAsync(() => Task.FromResult(trapd.TrapLines() is { Length: >= 3 } lines ? lines : null),
            TimeSpan.FromSeconds(60), "three notifications in snmptrapd's log", () => string.Join('\n', trapd.Lines()));
        string Kind(string line) => line.Contains("gwAlarmCleared", StringComparison.Ordinal) ? "cleared" : line.Contains("gwAlarmRaised", StringComparison.Ordinal) ? "raised" : "other";
        var sequence = received.Select(l => (Id: l.Contains(fan, StringComparison.Ordinal) ? fan : l.Contains(disk, StringComparison.Ordinal) ? disk : "?", Kind: Kind(l))).ToArray();
        Assert.Equal([(fan, "raised"), (disk, "raised"), (fan, "cleared")], sequence);
    }

    private static Task<GatewayProcess> StartAsync(string config, string? dir = null) =>
        GatewayProcess.StartAsync(config, dir, environment: new Dictionary<string, string?> { ["GATEWAY__GATEWAY__APITOKEN"] = Token });

    private static async Task<string> RaiseAsync(GatewayProcess gateway, string type, string resource)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarms")
        {
            Content = new StringContent(
                $$"""{"action":"raise","node":"n1@host","type":"{{type}}","resource":"{{resource}}","severity":"major","description":"end to end"}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await gateway.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task ClearAsync(GatewayProcess gateway, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarms")
        {
            Content = new StringContent($$"""{"action":"clear","id":"{{id}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await gateway.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
