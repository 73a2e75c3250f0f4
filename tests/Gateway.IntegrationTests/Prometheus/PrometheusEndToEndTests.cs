using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Prometheus;

/// <summary>
/// Several HTTP targets serve known expositions, the gateway scrapes them, and a real Prometheus
/// scrapes the gateway with <c>honor_labels: true</c>: every node's series arrive under its own
/// <c>instance</c> with the right values. Every query runs at one settled scrape time, so a later
/// scrape (or one that timed out on a busy machine) cannot change the answers between two queries.
/// </summary>
public sealed class PrometheusEndToEndTests
{
    [Fact]
    public async Task Prometheus_scraping_the_gateway_sees_every_node_as_its_own_instance()
    {
        await using var targets = await TargetServer.StartAsync(
        [
            TargetServer.Serve(Expositions.Text004(1)),
            TargetServer.Serve(Expositions.OpenMetrics(2), Expositions.OpenMetricsContentType),
            TargetServer.Serve(Expositions.Text004(3)),
        ]);
        var ports = targets.Ports.ToArray();
        var nodeOf = ports.Select((port, i) => (Instance: $"127.0.0.1:{port}", Node: i + 1)).ToArray();
        await using var gateway = await GatewayProcess.StartAsync($$"""
            collect:
              interval: 10s
              timeout: 10s
              prometheus:
                - job: apps
                  targets: [ {{string.Join(", ", nodeOf.Select(n => n.Instance))}} ]
            """);
        await using var prometheus = await PrometheusServer.StartAsync($$"""
            scrape_configs:
              - job_name: gateway
                honor_labels: true
                static_configs:
                  - targets: [ "127.0.0.1:{{gateway.Port}}" ]
            """);

        string at = string.Empty;
        var requests = await Poll.UntilAsync(
            async () =>
            {
                if (await prometheus.SettledTimeAsync("gateway") is not { } settled)
                {
                    return null;
                }
                var result = await prometheus.QueryAsync("app_requests_total{code=\"200\"}", settled);
                at = settled;
                return result.Length == 3 ? result : null;
            },
            TimeSpan.FromSeconds(60), "three nodes' app_requests_total in Prometheus",
            () => prometheus.Output + Environment.NewLine + gateway.Output);

        foreach (var (instance, node) in nodeOf)
        {
            var series = requests.Single(r => Label(r, "instance") == instance);
            Assert.Equal("apps", Label(series, "job"));
            Assert.Equal("/a\"b", Label(series, "path"));
            Assert.Equal((1000 + node).ToString(System.Globalization.CultureInfo.InvariantCulture), Value(series));

            var escaped = await prometheus.QueryAsync($"app_requests_total{{instance=\"{instance}\",code=\"500\"}}", at);
            Assert.Equal("C:\\dir\nnext", Label(Assert.Single(escaped), "path"));

            var bucket = await prometheus.QueryAsync($"app_latency_seconds_bucket{{instance=\"{instance}\",le=\"+Inf\"}}", at);
            Assert.Equal((node + 10).ToString(System.Globalization.CultureInfo.InvariantCulture), Value(Assert.Single(bucket)));

            var quantile = await prometheus.QueryAsync($"app_rpc_seconds{{instance=\"{instance}\",quantile=\"0.99\"}}", at);
            Assert.Equal("NaN", Value(Assert.Single(quantile)));

            Assert.Equal("+Inf", Value(Assert.Single(await prometheus.QueryAsync($"app_temperature_celsius{{instance=\"{instance}\"}}", at))));
            Assert.Equal("-Inf", Value(Assert.Single(await prometheus.QueryAsync($"app_floor_celsius{{instance=\"{instance}\"}}", at))));

            var up = await prometheus.QueryAsync($"gateway_node_up{{instance=\"{instance}\",job=\"apps\"}}", at);
            Assert.Equal("1", Value(Assert.Single(up)));
        }
    }

    private static string? Label(JsonElement series, string name) =>
        series.GetProperty("metric").TryGetProperty(name, out var value) ? value.GetString() : null;

    private static string? Value(JsonElement series) => series.GetProperty("value")[1].GetString();
}
