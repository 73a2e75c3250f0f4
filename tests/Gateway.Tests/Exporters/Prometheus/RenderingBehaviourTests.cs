using Gateway.Core.Telemetry;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Exporters.Prometheus;
using Gateway.Exposition;
using static Gateway.Tests.Exporters.Prometheus.StoreBuilder;

namespace Gateway.Tests.Exporters.Prometheus;

public sealed class RenderingBehaviourTests
{
    [Theory]
    [InlineData(ExpositionFormat.PrometheusText)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public async Task A_down_node_loses_its_series_but_keeps_node_up_0(ExpositionFormat format)
    {
        var store = Fixture.Create();
        Down(store, Fixture.N1, "beam");

        var output = await RenderAsync(Renderer(store), format);

        Assert.DoesNotContain("instance=\"n1@host\",job=\"beam\"} 42", output, StringComparison.Ordinal);
        Assert.DoesNotContain("rpc_seconds", output, StringComparison.Ordinal);
        Assert.Contains("gateway_node_up{instance=\"n1@host\",job=\"beam\"} 0\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_node_disappears_entirely()
    {
        var store = Fixture.Create();
        var renderer = Renderer(store);
        Assert.Contains("n1@host", await RenderAsync(renderer, ExpositionFormat.PrometheusText), StringComparison.Ordinal);

        store.Remove(Fixture.N1);
        var output = await RenderAsync(renderer, ExpositionFormat.PrometheusText);

        Assert.DoesNotContain("n1@host", output, StringComparison.Ordinal);
        Assert.Contains("gateway_node_up{instance=\"127.0.0.1:15692\",job=\"rabbitmq\"} 1\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_comes_back_up_is_rendered_again()
    {
        var store = Fixture.Create();
        var renderer = Renderer(store);
        Down(store, Fixture.N1, "beam");
        Assert.DoesNotContain("rpc_seconds", await RenderAsync(renderer, ExpositionFormat.PrometheusText), StringComparison.Ordinal);

        Up(store, Fixture.N1, "beam", Fixture.N1Families(43));
        var output = await RenderAsync(renderer, ExpositionFormat.PrometheusText);

        Assert.Contains("erlang_vm_process_count{instance=\"n1@host\",job=\"beam\"} 43\n", output, StringComparison.Ordinal);
        Assert.Contains("gateway_node_up{instance=\"n1@host\",job=\"beam\"} 1\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replaced_snapshot_is_rendered_with_its_new_values_and_an_unchanged_one_identically()
    {
        var store = Fixture.Create();
        var renderer = Renderer(store);
        var first = await RenderAsync(renderer, ExpositionFormat.PrometheusText);
        var again = await RenderAsync(renderer, ExpositionFormat.PrometheusText);
        Assert.Equal(WithoutConflictCount(first), WithoutConflictCount(again));

        Up(store, Fixture.N1, "beam", Fixture.N1Families(1000));
        var output = await RenderAsync(renderer, ExpositionFormat.PrometheusText);

        Assert.Contains("erlang_vm_process_count{instance=\"n1@host\",job=\"beam\"} 1000\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("} 42\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_target_labels_are_rendered_from_the_next_scrape_on()
    {
        var store = new MetricStore();
        var node = new NodeKey("job1", "host:1");
        var renderer = Renderer(store);
        Up(store, node, "prometheus", [Family("g", MetricType.Gauge, "", S("g", 1))], Labels(("env", "test")));
        Assert.Contains("g{instance=\"host:1\",job=\"job1\",env=\"test\"} 1\n", await RenderAsync(renderer, ExpositionFormat.PrometheusText), StringComparison.Ordinal);

        Up(store, node, "prometheus", [Family("g", MetricType.Gauge, "", S("g", 2))], Labels(("env", "prod")));
        var output = await RenderAsync(renderer, ExpositionFormat.PrometheusText);

        Assert.Contains("g{instance=\"host:1\",job=\"job1\",env=\"prod\"} 2\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("env=\"test\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_formats_render_from_the_same_snapshots_in_either_order()
    {
        var renderer = Renderer(Fixture.Create());

        var text = await RenderAsync(renderer, ExpositionFormat.PrometheusText);
        var open = await RenderAsync(renderer, ExpositionFormat.OpenMetrics);

        Assert.Equal(WithoutConflictCount(open), WithoutConflictCount(await RenderAsync(renderer, ExpositionFormat.OpenMetrics)));
        Assert.Equal(WithoutConflictCount(text), WithoutConflictCount(await RenderAsync(renderer, ExpositionFormat.PrometheusText)));
        Assert.EndsWith("# EOF\n", open, StringComparison.Ordinal);
        Assert.DoesNotContain("# EOF", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_type_conflict_keeps_the_first_node_and_counts_the_skipped_block()
    {
        var renderer = Renderer(Fixture.Create());

        var first = await RenderAsync(renderer, ExpositionFormat.PrometheusText);
        Assert.Equal(1, renderer.ConflictingFamilies);
        var second = await RenderAsync(renderer, ExpositionFormat.PrometheusText);

        Assert.Contains("# TYPE erlang_vm_statistics_reductions_total counter\nerlang_vm_statistics_reductions_total{instance=\"n1@host\",job=\"beam\"} 1234567\n# HELP gateway_", first, StringComparison.Ordinal);
        Assert.DoesNotContain("} 99", first, StringComparison.Ordinal);
        Assert.Equal(2, renderer.ConflictingFamilies);
        Assert.Contains("gateway_exporter_conflicting_families_total{instance=\"gw:9464\",job=\"gateway\"} 1\n", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_labels_named_like_node_labels_or_internal_ones_are_not_rendered()
    {
        var store = new MetricStore();
        Up(store, new NodeKey("job1", "host:1"), "prometheus",
            [Family("g", MetricType.Gauge, "", S("g", 1, ("env", "inner")))],
            Labels(("instance", "other"), ("__meta_x", "y"), ("env", "prod")));

        var output = await RenderAsync(Renderer(store), ExpositionFormat.PrometheusText);

        Assert.Contains("# TYPE g gauge\ng{instance=\"host:1\",job=\"job1\",env=\"prod\",exported_env=\"inner\"} 1\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provided_families_get_the_gateway_labels_only_where_missing()
    {
        var store = Fixture.Create();
        var provider = new FixedProvider(Family("gateway_scrape_errors_total", MetricType.Counter, "Failed collections.",
            S("gateway_scrape_errors_total", 3, ("instance", "n2@host"), ("job", "beam"), ("reason", "timeout")),
            S("gateway_scrape_errors_total", 1, ("reason", "config"))));

        var output = await RenderAsync(Renderer(store, providers: [provider]), ExpositionFormat.PrometheusText);

        Assert.Contains(
            "# HELP gateway_scrape_errors_total Failed collections.\n# TYPE gateway_scrape_errors_total counter\n"
            + "gateway_scrape_errors_total{instance=\"n2@host\",job=\"beam\",reason=\"timeout\"} 3\n"
            + "gateway_scrape_errors_total{instance=\"gw:9464\",job=\"gateway\",reason=\"config\"} 1\n",
            output,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExpositionFormat.PrometheusText)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public async Task Gateway_process_metrics_merge_with_nodes_and_no_family_is_declared_twice(ExpositionFormat format)
    {
        // A BEAM node exposing prometheus_process_collector names, beside prometheus-net's default
        // registry (which has process collectors of its own in this test process).
        var store = new MetricStore();
        Up(store, new NodeKey("beam", "n1@host"), "beam",
        [
            Family("process_cpu_seconds_total", MetricType.Counter, "CPU.", S("process_cpu_seconds_total", 1.5, ("kind", "utime"))),
            Family("process_resident_memory_bytes", MetricType.Gauge, "RSS.", S("process_resident_memory_bytes", 1024)),
            Family("process_open_fds", MetricType.Gauge, "FDs.", S("process_open_fds", 10)),
        ]);
        var self = GatewaySelfMetrics();
        self.CreateCounter("gateway_test_renderer_events_total", "A prometheus-net counter.").Inc();

        var output = await RenderAsync(
            Renderer(store, includeGatewayMetrics: true, selfMetrics: self), format);

        var declared = output.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        var cpuName = format == ExpositionFormat.OpenMetrics ? "process_cpu_seconds" : "process_cpu_seconds_total";
        Assert.Contains("# TYPE " + cpuName + " counter\n", output, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total{instance=\"n1@host\",job=\"beam\",kind=\"utime\"} 1.5\n", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.StartsWith("process_cpu_seconds_total{instance=\"gw:9464\",job=\"gateway\"}", StringComparison.Ordinal));
        Assert.Single(output.Split('\n'), l => l.StartsWith("process_resident_memory_bytes{instance=\"gw:9464\",job=\"gateway\"}", StringComparison.Ordinal));
        Assert.Single(output.Split('\n'), l => l.StartsWith("dotnet_collection_count_total{instance=\"gw:9464\",job=\"gateway\",generation=\"0\"}", StringComparison.Ordinal));
        Assert.Contains("gateway_test_renderer_events_total{instance=\"gw:9464\",job=\"gateway\"} ", output, StringComparison.Ordinal);
        Assert.Equal(0, Renderer(store).ConflictingFamilies);
    }

    [Fact]
    public async Task Without_gateway_metrics_only_node_series_and_self_metrics_remain()
    {
        var store = Fixture.Create();

        var output = await RenderAsync(Renderer(store, includeGatewayMetrics: false, selfMetrics: SelfMetricsWithACounter()), ExpositionFormat.PrometheusText);

        Assert.DoesNotContain("process_cpu_seconds_total", output, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet_", output, StringComparison.Ordinal);
        Assert.Contains("gateway_node_up", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_store_renders_only_the_conflict_counter()
    {
        var output = await RenderAsync(Renderer(new MetricStore()), ExpositionFormat.OpenMetrics);

        Assert.Equal(
            "# HELP gateway_exporter_conflicting_families Family blocks left out of /metrics because their type disagreed with the first declaration of the name.\n"
            + "# TYPE gateway_exporter_conflicting_families counter\n"
            + "gateway_exporter_conflicting_families_total{instance=\"gw:9464\",job=\"gateway\"} 0\n"
            + "# EOF\n",
            output);
    }

    [Fact]
    public async Task Output_larger_than_one_chunk_is_streamed_whole()
    {
        var store = new MetricStore();
        for (var n = 0; n < 50; n++)
        {
            var samples = Enumerable.Range(0, 200).Select(i => S("big_series", i, ("i", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
            Up(store, new NodeKey("job", $"node{n:D2}"), "beam", [Family("big_series", MetricType.Gauge, "Big.", samples)]);
        }

        var output = await RenderAsync(Renderer(store), ExpositionFormat.PrometheusText);

        var lines = output.Split('\n');
        Assert.Equal(50 * 200, lines.Count(l => l.StartsWith("big_series{", StringComparison.Ordinal)));
        Assert.Single(lines, l => l == "# TYPE big_series gauge");
        Assert.Equal("big_series{instance=\"node49\",job=\"job\",i=\"199\"} 199", lines.Last(l => l.StartsWith("big_series{", StringComparison.Ordinal)));
    }

    private static SelfMetrics SelfMetricsWithACounter()
    {
        var self = GatewaySelfMetrics();
        self.CreateCounter("gateway_test_hidden_total", "Not rendered without gateway metrics.").Inc();
        return self;
    }

    private sealed class FixedProvider(params MetricFamily[] families) : IMetricFamilyProvider
    {
        public IEnumerable<MetricFamily> Collect() => families;
    }

    // The fixture has one type conflict, counted again on every render.
    private static string WithoutConflictCount(string output) =>
        string.Join('\n', output.Split('\n').Where(line => !line.StartsWith(PrometheusRenderer.ConflictsFamily, StringComparison.Ordinal)));
}
