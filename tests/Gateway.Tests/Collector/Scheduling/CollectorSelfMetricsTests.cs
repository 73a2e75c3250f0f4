using System.Text;
using Gateway.Collector;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Collector.Scheduling;

public sealed class CollectorSelfMetricsTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Every_collection_either_way_is_observed_in_the_duration_histogram_of_its_job()
    {
        await using var h = new SchedulerHarness((target, _) => Task.FromResult(
            target.Node.Instance == "bad:1" ? ScrapeResult.Failure(ScrapeErrorReasons.Connection, "refused") : SchedulerHarness.Ok));
        await h.StartAsync(SchedulerHarness.Target("good:1", Interval, Timeout), SchedulerHarness.Target("bad:1", Interval, Timeout));

        await h.AdvanceAsync(Interval, TimeSpan.FromSeconds(1));

        var calls = h.Source.Calls.Count;
        Assert.True(calls >= 2, $"{calls} collections");
        var text = await TextAsync(h.SelfMetrics);
        Assert.Contains($"gateway_collection_duration_seconds_count{{scrape_job=\"job\",instance=\"gw\",job=\"gateway\"}} {calls}\n", text, StringComparison.Ordinal);
        // The fake clock does not move during a collection: every one is in the smallest bucket.
        Assert.Contains($"gateway_collection_duration_seconds_bucket{{scrape_job=\"job\",instance=\"gw\",job=\"gateway\",le=\"0.005\"}} {calls}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_collector_registers_its_families_itself()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<MetricStore>();
        services.AddGatewayCollector(configuration.GetSection("collect"));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ScrapeStatistics>().RecordError(new NodeKey("apps", "h:1"), "timeout");

        var family = Assert.Single(provider.GetServices<IMetricFamilyProvider>().SelectMany(p => p.Collect()));

        Assert.Equal("gateway_scrape_errors_total", family.Name);
        Assert.Equal("{instance=\"h:1\",job=\"apps\",reason=\"timeout\"}", Assert.Single(family.Samples).Labels.ToString());
        Assert.Contains(ScrapeStatistics.CollectionDuration, provider.GetRequiredService<SelfMetrics>().FamilyNames(openMetrics: false));
    }

    private static async Task<string> TextAsync(SelfMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.WriteAsync(stream, openMetrics: false);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
