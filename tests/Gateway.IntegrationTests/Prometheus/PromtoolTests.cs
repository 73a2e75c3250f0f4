using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Prometheus;

/// <summary><c>promtool check metrics</c> accepts what <c>/metrics</c> serves, with nodes' series and the gateway's own.</summary>
public sealed class PromtoolTests
{
    [Fact]
    public async Task Promtool_check_metrics_accepts_the_gateway_exposition()
    {
        var promtool = PeerBinaries.Require("promtool", "prometheus");
        await using var targets = await TargetServer.StartAsync(
        [
            TargetServer.Serve(Expositions.Text004(1)),
            TargetServer.Serve(Expositions.OpenMetrics(2), Expositions.OpenMetricsContentType),
        ]);
        await using var gateway = await GatewayProcess.StartAsync($$"""
            collect:
              interval: 1s
              timeout: 1s
              prometheus:
                - job: apps
                  targets: [ {{string.Join(", ", targets.Ports.Select(p => $"127.0.0.1:{p}"))}} ]
            """);
        var exposition = await Poll.UntilAsync(
            async () =>
            {
                var text = await gateway.MetricsAsync();
                return text.Split('\n').Count(l => l.StartsWith("app_requests_total{", StringComparison.Ordinal)) == 4 ? text : null;
            },
            TimeSpan.FromSeconds(30), "both nodes' series on /metrics", () => gateway.Output);

        var file = Path.Combine(gateway.WorkDir, "metrics.txt");
        await File.WriteAllTextAsync(file, exposition);
        await using var check = ManagedProcess.Start("/bin/sh", ["-c", $"\"{promtool}\" check metrics < \"{file}\""]);
        var exit = await check.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exit == 0, $"promtool check metrics exited {exit}:{Environment.NewLine}{check.Output}");
        Assert.Contains("# TYPE gateway_node_up gauge", exposition, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenMetrics_is_served_when_the_scraper_asks_for_it()
    {
        await using var targets = await TargetServer.StartAsync([TargetServer.Serve(Expositions.Text004(1))]);
        await using var gateway = await GatewayProcess.StartAsync($$"""
            collect:
              interval: 1s
              prometheus:
                - job: apps
                  targets: [ 127.0.0.1:{{targets.Ports.Single()}} ]
            """);
        var text = await Poll.UntilAsync(
            async () =>
            {
                var body = await gateway.MetricsAsync("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
                return body.Contains("app_requests_total{", StringComparison.Ordinal) ? body : null;
            },
            TimeSpan.FromSeconds(30), "the node's series in OpenMetrics", () => gateway.Output);

        Assert.EndsWith("# EOF\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE app_requests counter", text, StringComparison.Ordinal);
    }
}
