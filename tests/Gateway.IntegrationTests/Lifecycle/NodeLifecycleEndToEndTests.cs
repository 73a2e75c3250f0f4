using Gateway.Erlang.Tests.Fixtures;
using Gateway.IntegrationTests.Peers;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Lifecycle;

/// <summary>
/// The real gateway process, a real <c>erl</c> node, an HTTP target and snmptrapd as the NMS: node up
/// and down reach the manager once per transition (<c>gwNodeUp</c>/<c>gwNodeDown</c>), <c>node_down</c>
/// follows after <c>alarms.nodeDownAfter</c> and clears when the node is back, the console logs the same
/// transitions, a restart of the gateway sends nothing again, and a node leaving file_sd clears its alarms once.
/// </summary>
public sealed class NodeLifecycleEndToEndTests : IAsyncLifetime
{
    private const string TrapdConfig = "disableAuthorization yes\n";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private EpmdProcess? _epmd;

    private EpmdProcess Epmd => _epmd!;

    public async Task InitializeAsync() => _epmd = await EpmdProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_epmd is not null)
        {
            await _epmd.DisposeAsync();
        }
    }

    private static string Config(SnmpTrapd trapd, string body) => $$"""
        collect:
          interval: 5s
          timeout: 5s
          maxBackoff: 5s
        {{body}}
        alarms:
          nodeDownAfter: 2s
          minHold: 0s
        exporters:
          snmp:
            destinations:
              - { address: "{{trapd.Address}}", version: v2c, community: public, inform: false }
        outbox:
          initialBackoff: 100ms
          maxBackoff: 1s
        """;

    private static int Count(SnmpTrapd trapd, string notification, string node) =>
        trapd.TrapLines().Count(l => l.Contains(notification, StringComparison.Ordinal) && l.Contains(node, StringComparison.Ordinal));


    private static int Console(GatewayProcess gateway, string text) =>
        gateway.Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    private static Task UntilAsync(GatewayProcess gateway, SnmpTrapd trapd, Func<bool> condition, string what) =>
        Poll.UntilAsync(() => Task.FromResult(condition()), Wait, what, () => gateway.Output + "\n--- traps:\n" + string.Join('\n', trapd.TrapLines()));


    [Fact]
    public async Task A_killed_beam_node_and_a_stopped_http_target_go_down_once_get_node_down_and_come_back_once()
    {
        using var trapd = await SnmpTrapd.StartAsync(TrapdConfig);
        var options = new ErlangNodeOptions { AliveName = ErlangNodeOptions.UniqueName("life") };
        var node = await ErlangNode.StartAsync(Epmd, options);
        var target = await TargetServer.StartAsync([TargetServer.Serve("up_metric 1\n")]);
        var port = target.Ports.Single();
        var http = $"127.0.0.1:{port}";
        try
        {
            // Agentless: no compile on the node, so a loaded machine does not make the first collections time out.
            await using var gateway = await GatewayProcess.StartAsync(Config(trapd, $$"""
                  beam:
                    cookie: {{node.Cookie}}
                    nodes: [ {{node.Name}} ]
                    epmdPort: {{Epmd.Port}}
                    agent: false
                  prometheus:
                    - job: web
                      targets: [ "{{http}}" ]
                """));
            string[] nodes = [node.Name, http];
            await UntilAsync(gateway, trapd, () => nodes.All(n => Count(trapd, "gwNodeUp", n) >= 1), "both nodes up");
            // What a loaded machine may have added before (a first collection over its timeout) is the baseline.
            var ups = nodes.ToDictionary(n => n, n => Count(trapd, "gwNodeUp", n));
            var downs = nodes.ToDictionary(n => n, n => Count(trapd, "gwNodeDown", n));
            var raised = nodes.ToDictionary(n => n, n => Count(trapd, "gwAlarmRaised", n));
            var cleared = nodes.ToDictionary(n => n, n => Count(trapd, "gwAlarmCleared", n));

            await node.KillAsync();
            await target.DisposeAsync();
            await UntilAsync(gateway, trapd, () => nodes.All(n => Count(trapd, "gwAlarmRaised", n) == raised[n] + 1), "node_down for both");
            foreach (var n in nodes)
            {
                Assert.Equal(downs[n] + 1, Count(trapd, "gwNodeDown", n));
                var lines = trapd.TrapLines();
                var alarm = lines.Last(l => l.Contains("gwAlarmRaised", StringComparison.Ordinal) && l.Contains(n, StringComparison.Ordinal));
                Assert.Contains("node_down", alarm, StringComparison.Ordinal);
                Assert.Contains("major", alarm, StringComparison.Ordinal);
                // Down first, node_down after the delay.
                Assert.True(Array.FindLastIndex(lines, l => l.Contains("gwNodeDown", StringComparison.Ordinal) && l.Contains(n, StringComparison.Ordinal))
                    < Array.IndexOf(lines, alarm));
            }

            node = await ErlangNode.StartAsync(Epmd, options);
            target = await TargetServer.StartAsync(new Dictionary<int, RequestDelegate> { [port] = TargetServer.Serve("up_metric 1\n") });
            await UntilAsync(gateway, trapd, () => nodes.All(n => Count(trapd, "gwAlarmCleared", n) == cleared[n] + 1 && Count(trapd, "gwNodeUp", n) == ups[n] + 1),
                "node_down cleared and the nodes up again");
            foreach (var n in nodes)
            {
                Assert.Equal(downs[n] + 1, Count(trapd, "gwNodeDown", n));
                Assert.Contains("node_down", trapd.TrapLines().Last(l => l.Contains("gwAlarmCleared", StringComparison.Ordinal) && l.Contains(n, StringComparison.Ordinal)), StringComparison.Ordinal);
            }

            // The console exporter logs the same transitions.
            await Poll.UntilAsync(() => Task.FromResult(nodes.All(n => Console(gateway, $"node up node={n}") == ups[n] + 1)), Wait, "console node lines", () => gateway.Output);
            Assert.All(nodes, n => Assert.Equal(downs[n] + 1, Console(gateway, $"node down node={n}")));
        }
        finally
        {
            await node.DisposeAsync();
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_restart_of_the_gateway_sends_nothing_again_and_a_node_leaving_file_sd_clears_its_alarms_once()
    {
        using var trapd = await SnmpTrapd.StartAsync(TrapdConfig);
        await using var target = await TargetServer.StartAsync([TargetServer.Serve("up_metric 1\n")]);
        var up = $"127.0.0.1:{target.Ports.Single()}";
        var down = $"127.0.0.1:{Peers.FreePort.Next()}"; // nothing listens there
        var dir = Directory.CreateTempSubdirectory("gateway-lifecycle-").FullName;
        var sd = Path.Combine(dir, "targets.json");
        await File.WriteAllTextAsync(sd, $$"""[{"targets": ["{{up}}", "{{down}}"]}]""");
        var config = Config(trapd, """
              prometheus:
                - job: sd
                  fileSd: [ targets.json ]
            """);

        await using (var first = await GatewayProcess.StartAsync(config, dir))
        {
            await UntilAsync(first, trapd, () => Count(trapd, "gwNodeUp", up) == 1 && Count(trapd, "gwAlarmRaised", down) == 1, "up node up, down node with node_down");
        }
        var before = trapd.TrapLines().Length;

        await using var second = await GatewayProcess.StartAsync(config, dir);
        // Several collections of both nodes after the restart, past the node_down delay.
        await Poll.UntilAsync(async () => (await second.NodesAsync()).Count(n => n.GetProperty("lastScrape").ValueKind != System.Text.Json.JsonValueKind.Null) == 2,
            Wait, "both nodes collected after the restart", () => second.Output);
        var seen = DateTime.UtcNow;
        await Poll.UntilAsync(async () => (await second.NodesAsync()).All(n => n.GetProperty("lastScrape").GetDateTimeOffset() > seen.AddSeconds(6)),
            Wait, "collections 6 s later", () => second.Output);
        Assert.Equal(before, trapd.TrapLines().Length);
        Assert.Single((await second.NodesAsync()), n => n.GetProperty("node").GetString() == down && !n.GetProperty("up").GetBoolean());

        // The down node leaves discovery: removed, its node_down cleared once.
        await File.WriteAllTextAsync(sd, $$"""[{"targets": ["{{up}}"]}]""");
        await UntilAsync(second, trapd, () => Count(trapd, "gwAlarmCleared", down) == 1, "node_down cleared on removal");
        await Poll.UntilAsync(() => Task.FromResult(Console(second, $"node removed node={down}") == 1), Wait, "removed in the console", () => second.Output);
        var again = DateTime.UtcNow;
        await Poll.UntilAsync(async () => (await second.NodesAsync()).Single().GetProperty("lastScrape").GetDateTimeOffset() > again.AddSeconds(6),
            Wait, "more collections", () => second.Output);
        Assert.Equal(1, Count(trapd, "gwAlarmCleared", down));
        Assert.Equal(1, Console(second, $"node removed node={down}"));
        Assert.Equal(0, Count(trapd, "gwNodeDown", up));
    }
}
