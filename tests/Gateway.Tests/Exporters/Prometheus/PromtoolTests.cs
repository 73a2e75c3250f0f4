using Gateway.Collector;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Gateway.Exporters.Prometheus;
using Gateway.Exposition;
using static Gateway.Tests.Exporters.Prometheus.StoreBuilder;

namespace Gateway.Tests.Exporters.Prometheus;

/// <summary>
/// <c>promtool check metrics</c> (Prometheus 2.42) reads only the 0.0.4 text format: exit 0 clean,
/// 1 parse error, 3 lint findings. The OpenMetrics output is checked by a real Prometheus scrape
/// instead (<see cref="PrometheusScrapeTests"/>).
/// </summary>
public sealed class PromtoolTests
{
    [Fact]
    public async Task Well_named_nodes_and_the_gateway_metrics_pass_promtool_cleanly()
    {
        var store = new MetricStore();
        foreach (var instance in new[] { "n1@host", "n2@host" })
        {
            Up(store, new NodeKey("beam", instance), "beam",
            [
                Family("erlang_vm_statistics_reductions_total", MetricType.Counter, "Reductions.", S("erlang_vm_statistics_reductions_total", 10)),
                Family("erlang_vm_memory_bytes", MetricType.Gauge, "Memory.", S("erlang_vm_memory_bytes", 1e9, ("kind", "system")), S("erlang_vm_memory_bytes", 2e9, ("kind", "processes"))),
                Family("process_cpu_seconds_total", MetricType.Counter, "CPU.", S("process_cpu_seconds_total", 1.25, ("kind", "utime"))),
                Family("rpc_seconds", MetricType.Histogram, "RPC.", S("rpc_seconds_bucket", 1, ("le", "0.5")), S("rpc_seconds_bucket", 2, ("le", "+Inf")), S("rpc_seconds_sum", 0.9), S("rpc_seconds_count", 2)),
                Family("odd_value", MetricType.Gauge, "Escaped \\ and\nnewline.", S("odd_value", double.NaN, ("path", "a\\b\"c\"\nd")), S("odd_value", double.NegativeInfinity, ("instance", "inner"))),
            ]);
        }
        Down(store, new NodeKey("beam", "n2@host"), "beam");
        store.Register(new NodeKey("beam", "n3@host"), "beam");
        var renderer = Renderer(store, includeGatewayMetrics: true, selfMetrics: SelfMetricsInUse());

        var (exitCode, output) = await Promtool.CheckMetricsAsync(await RenderAsync(renderer, ExpositionFormat.PrometheusText));

        Assert.True(exitCode == 0, $"promtool exit {exitCode}: {output}");
    }

    /// <summary>A registry with a counter, a labelled gauge and the collector's histogram, each observed.</summary>
    private static SelfMetrics SelfMetricsInUse()
    {
        var self = GatewaySelfMetrics();
        self.CreateCounter("gateway_test_events_total", "Events.", "event").WithLabels("raised").Inc();
        self.CreateGauge("gateway_test_active", "Active.", "severity").WithLabels("major").Set(2);
        new ScrapeStatistics(self).RecordCollection(new NodeKey("beam", "n1@host"), TimeSpan.FromMilliseconds(30));
        return self;
    }

    [Fact]
    public async Task The_full_fixture_with_prometheus_net_has_lint_findings_only_from_names_it_was_given()
    {
        var renderer = Renderer(Fixture.Create(), includeGatewayMetrics: true, selfMetrics: GatewaySelfMetrics());

        var (exitCode, output) = await Promtool.CheckMetricsAsync(await RenderAsync(renderer, ExpositionFormat.PrometheusText));

        // Exit 3 = lint only. The findings are about names the sources chose (a gauge ending in _count,
        // a counter without _total, prometheus-net's and .NET's own names), never about the format.
        Assert.True(exitCode is 0 or 3, $"promtool exit {exitCode}: {output}");
        Assert.DoesNotContain("error", output, StringComparison.OrdinalIgnoreCase);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Matches(@"^[a-zA-Z_:][a-zA-Z0-9_:]* (non-histogram and non-summary metrics should not have ""_count"" suffix|counter metrics should have ""_total"" suffix|non-counter metrics should not have ""_total"" suffix)$", line);
        }
    }
}
