using System.Text;
using Gateway.Core.Telemetry;

namespace Gateway.Tests.Core.Telemetry;

public sealed class SelfMetricsTests
{
    [Fact]
    public async Task Every_series_carries_the_gateway_instance_and_job()
    {
        var metrics = new SelfMetrics("gw1:9464", "gw");
        metrics.CreateCounter("gateway_test_events_total", "Events.", "event").WithLabels("raised").Inc(2);

        var text = await WriteAsync(metrics, openMetrics: false);

        Assert.Equal(
            "# HELP gateway_test_events_total Events.\n"
            + "# TYPE gateway_test_events_total counter\n"
            + "gateway_test_events_total{event=\"raised\",instance=\"gw1:9464\",job=\"gw\"} 2\n",
            text);
    }

    [Fact]
    public async Task OpenMetrics_output_ends_with_one_EOF_even_when_empty()
    {
        var empty = new SelfMetrics("gw1");
        var used = new SelfMetrics("gw1");
        used.CreateGauge("gateway_test_level", "Level.").Set(3);

        Assert.Equal("# EOF\n", await WriteAsync(empty, openMetrics: true));
        var text = await WriteAsync(used, openMetrics: true);
        Assert.EndsWith("\n# EOF\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l.StartsWith("# EOF", StringComparison.Ordinal));
    }

    [Fact]
    public void Family_names_are_listed_as_each_format_declares_them()
    {
        var metrics = new SelfMetrics("gw1");
        metrics.CreateCounter("gateway_test_events_total", "Events.");
        metrics.CreateGauge("gateway_test_level", "Level.");
        metrics.CreateHistogram("gateway_test_duration_seconds", "Durations.", [0.1, 1]);

        Assert.Equal(["gateway_test_duration_seconds", "gateway_test_events_total", "gateway_test_level"], metrics.FamilyNames(openMetrics: false).Order());
        Assert.Equal(["gateway_test_duration_seconds", "gateway_test_events", "gateway_test_level"], metrics.FamilyNames(openMetrics: true).Order());
    }

    [Theory]
    [InlineData("process_cpu_seconds_total", true)]
    [InlineData("gateway_test_events", true)]
    [InlineData("gateway_test_level_total", false)]
    public void Names_outside_the_gateway_prefix_or_total_for_non_counters_are_refused(string name, bool counter)
    {
        var metrics = new SelfMetrics("gw1");

        Assert.Throws<ArgumentException>(() => counter ? (object)metrics.CreateCounter(name, "x") : metrics.CreateGauge(name, "x"));
        Assert.Empty(metrics.FamilyNames(openMetrics: false));
    }

    [Fact]
    public async Task Before_collect_updates_run_on_every_write()
    {
        var metrics = new SelfMetrics("gw1");
        var gauge = metrics.CreateGauge("gateway_test_level", "Level.");
        var level = 0;
        metrics.BeforeCollect(() => gauge.Set(++level));

        await WriteAsync(metrics, openMetrics: false);
        var second = await WriteAsync(metrics, openMetrics: false);

        Assert.Contains("gateway_test_level{instance=\"gw1\",job=\"gateway\"} 2\n", second, StringComparison.Ordinal);
    }

    private static async Task<string> WriteAsync(SelfMetrics metrics, bool openMetrics)
    {
        using var stream = new MemoryStream();
        await metrics.WriteAsync(stream, openMetrics);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
