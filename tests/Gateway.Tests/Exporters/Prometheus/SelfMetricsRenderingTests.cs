using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Gateway.Exporters.Prometheus;
using Gateway.Exposition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.Tests.Exporters.Prometheus.StoreBuilder;

namespace Gateway.Tests.Exporters.Prometheus;

/// <summary>The <see cref="SelfMetrics"/> registry on <c>/metrics</c>: streamed after the merged families, never parsed back.</summary>
public sealed class SelfMetricsRenderingTests
{
    [Theory]
    [InlineData(ExpositionFormat.PrometheusText)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public async Task The_registry_follows_the_merged_families_and_every_name_is_declared_once(ExpositionFormat format)
    {
        var self = GatewaySelfMetrics();
        self.CreateCounter("gateway_test_events_total", "Events.", "event").WithLabels("raised").Inc();
        self.CreateHistogram("gateway_test_duration_seconds", "Durations.", [0.1, 1]).Observe(0.5);

        var output = await RenderAsync(Renderer(Fixture.Create(), includeGatewayMetrics: true, selfMetrics: self), format);

        var lines = output.Split('\n');
        var declared = lines.Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        var lastMerged = Array.FindLastIndex(lines, l => l.StartsWith("process_", StringComparison.Ordinal) || l.StartsWith("erlang_vm_", StringComparison.Ordinal));
        var firstOwn = Array.FindIndex(lines, l => l.StartsWith("gateway_test_", StringComparison.Ordinal));
        Assert.True(lastMerged < firstOwn, $"registry at line {firstOwn}, merged families until {lastMerged}");
        Assert.Contains("gateway_test_events_total{event=\"raised\",instance=\"gw:9464\",job=\"gateway\"} 1", output, StringComparison.Ordinal);
        Assert.Contains("gateway_test_duration_seconds_count{instance=\"gw:9464\",job=\"gateway\"} 1\n", output, StringComparison.Ordinal);
        if (format == ExpositionFormat.OpenMetrics)
        {
            Assert.EndsWith("\n# EOF\n", output, StringComparison.Ordinal);
            Assert.Single(lines, l => l == "# EOF");
        }
        else
        {
            Assert.DoesNotContain("# EOF", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ExpositionFormat.PrometheusText, "gateway_test_events_total")]
    [InlineData(ExpositionFormat.OpenMetrics, "gateway_test_events")]
    public async Task A_node_family_named_like_a_registry_family_is_left_out_and_counted(ExpositionFormat format, string declared)
    {
        // Another gateway scraped as a Prometheus target exposes the same gateway_* names.
        var store = new MetricStore();
        Up(store, new NodeKey("gateways", "gw2:9464"), "prometheus",
        [
            Family("gateway_test_events_total", MetricType.Counter, "Theirs.", S("gateway_test_events_total", 7, ("event", "raised"))),
            Family("gateway_node_up", MetricType.Gauge, "Theirs.", S("gateway_node_up", 1, ("instance", "x"))),
        ]);
        var self = GatewaySelfMetrics();
        self.CreateCounter("gateway_test_events_total", "Events.", "event").WithLabels("raised").Inc();
        var renderer = Renderer(store, includeGatewayMetrics: true, selfMetrics: self);

        var output = await RenderAsync(renderer, format);

        Assert.Single(output.Split('\n'), l => l == $"# TYPE {declared} counter");
        // Theirs (7) is left out; the process's own families (dotnet_collection_count_total … 72) may end in 7 too.
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("gateway_test_events", StringComparison.Ordinal) && l.EndsWith(" 7", StringComparison.Ordinal));
        Assert.Contains("gateway_node_up{instance=\"gw2:9464\",job=\"gateways\",exported_instance=\"x\"} 1", output, StringComparison.Ordinal);
        Assert.Equal(1, renderer.ConflictingFamilies);
    }

    [Fact]
    public async Task The_exporter_labels_the_self_metrics_with_its_gateway_identity()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["exporters:prometheus:gatewayInstance"] = "gw7.example:9464",
            ["exporters:prometheus:gatewayJob"] = "bridge",
        }).Build();
        var services = new ServiceCollection().AddSingleton(new MetricStore());
        services.AddSelfMetrics();
        services.AddPrometheusExporter(configuration.GetSection("exporters:prometheus"));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<SelfMetrics>().CreateGauge("gateway_test_level", "Level.").Set(4);

        var output = await RenderAsync(provider.GetRequiredService<PrometheusRenderer>(), ExpositionFormat.PrometheusText);

        Assert.Contains("gateway_test_level{instance=\"gw7.example:9464\",job=\"bridge\"} 4\n", output, StringComparison.Ordinal);
        Assert.Contains("process_open_fds{instance=\"gw7.example:9464\",job=\"bridge\"} ", output, StringComparison.Ordinal);
    }
}
