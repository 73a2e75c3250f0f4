using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Prometheus;

/// <summary>
/// Malformed lines, a 50 MB body, a hanging socket and a 500: each gives its node a clear error in
/// <c>/api/v1/nodes</c> and <c>gateway_scrape_errors_total</c>, <c>gateway_node_up 0</c>, and no other
/// node is affected.
/// </summary>
/// <remarks>
/// No outcome may hang on how fast the machine is: only the hanging socket meets a short timeout
/// (it never answers, so it times out on any machine); every other target gets a timeout it cannot
/// reach on loopback, and the huge body meets a 64 KiB limit rather than racing 10 MiB of reading
/// against a timeout (it once came out <c>timeout</c> on a loaded machine).
/// </remarks>
public sealed class BadTargetTests
{
    [Fact]
    public async Task Each_bad_target_gets_its_own_clear_error_and_the_good_node_is_unaffected()
    {
        using var hanging = new HangingListener();
        await using var targets = await TargetServer.StartAsync(
        [
            TargetServer.Serve(Expositions.Text004(1)),
            TargetServer.Serve("# TYPE broken gauge\nbroken{label=\"unterminated} 1\nok 2\n"),
            TargetServer.Huge(50L * 1024 * 1024),
            TargetServer.Status(500),
        ]);
        var ports = targets.Ports.ToArray();
        var good = $"127.0.0.1:{ports[0]}";
        var expected = new Dictionary<string, string>
        {
            [$"127.0.0.1:{ports[1]}"] = "parse",
            [$"127.0.0.1:{ports[2]}"] = "body_too_large",
            [$"127.0.0.1:{ports[3]}"] = "http_status",
            [$"127.0.0.1:{hanging.Port}"] = "timeout",
        };
        await using var gateway = await GatewayProcess.StartAsync($$"""
            collect:
              interval: 10s
              timeout: 10s
              prometheus:
                - job: apps
                  targets: [ {{good}}, 127.0.0.1:{{ports[1]}}, 127.0.0.1:{{ports[3]}} ]
                - job: huge
                  targets: [ 127.0.0.1:{{ports[2]}} ]
                  limits: { bodySizeLimit: 64KiB }
                - job: hanging
                  interval: 2s
                  timeout: 1s
                  targets: [ 127.0.0.1:{{hanging.Port}} ]
            """);

        var nodes = await Poll.UntilAsync(
            async () =>
            {
                var all = await gateway.NodesAsync();
                var settled = all.Length == 5
                    && all.Single(n => Str(n, "node") == good).GetProperty("up").GetBoolean()
                    && expected.Keys.All(k => Str(all.Single(n => Str(n, "node") == k), "lastErrorReason") is not null);
                return settled ? all : null;
            },
            TimeSpan.FromSeconds(120), "every node to have a result", () => gateway.Output);

        foreach (var (instance, reason) in expected)
        {
            var node = nodes.Single(n => Str(n, "node") == instance);
            Assert.False(node.GetProperty("up").GetBoolean());
            Assert.Equal(reason, Str(node, "lastErrorReason"));
            Assert.False(string.IsNullOrWhiteSpace(Str(node, "lastError")));
        }
        Assert.Contains("line 2", Str(nodes.Single(n => Str(n, "node") == $"127.0.0.1:{ports[1]}"), "lastError"), StringComparison.Ordinal);
        Assert.Null(Str(nodes.Single(n => Str(n, "node") == good), "lastError"));

        var metrics = await gateway.MetricsAsync();
        var lines = metrics.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("app_requests_total{", StringComparison.Ordinal) && l.Contains($"instance=\"{good}\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("gateway_node_up{", StringComparison.Ordinal) && l.Contains($"instance=\"{good}\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        foreach (var (instance, reason) in expected)
        {
            Assert.Contains(lines, l => l.StartsWith("gateway_node_up{", StringComparison.Ordinal) && l.Contains($"instance=\"{instance}\"", StringComparison.Ordinal) && l.EndsWith(" 0", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("gateway_scrape_errors_total{", StringComparison.Ordinal)
                && l.Contains($"instance=\"{instance}\"", StringComparison.Ordinal)
                && l.Contains($"reason=\"{reason}\"", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => !l.StartsWith("gateway_", StringComparison.Ordinal) && l.Contains($"instance=\"{instance}\"", StringComparison.Ordinal));
        }
    }

    private static string? Str(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
