using Gateway.Core.Metrics;
using Gateway.Core.Routing;
using Gateway.Core.Store;
using Gateway.Core.Streaming;
using Gateway.Core.Telemetry;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Core.Streaming;

/// <summary>A streaming exporter registered through the kit gets node snapshots after each collection; drops are counted on /metrics.</summary>
public sealed class MetricStreamExporterTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_slow_streaming_exporter_gets_the_latest_snapshot_of_each_node_and_the_replaced_ones_are_counted_as_metric_drops()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["exporters:streaming:metricQueue"] = "50",
        }).Build();
        var exporter = new RecordingStreamExporter();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<MetricStore>()
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddPushExporter<RecordingStreamExporter, RecordingStreamOptions>("streaming", config.GetSection("exporters:streaming"), (_, _) => exporter)
            .BuildServiceProvider();
        var store = provider.GetRequiredService<MetricStore>();
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        const int nodes = 5;
        const int rounds = 3;
        try
        {
            store.Collect(StreamSnapshots.Node(99), 1);
            await Eventually.True(() => exporter.Calls == 1, "the first export (which blocks)");
            for (var round = 1; round <= rounds; round++)
            {
                for (var i = 0; i < nodes; i++)
                {
                    store.Collect(StreamSnapshots.Node(i), round);
                }
            }
            exporter.Release();
            await Eventually.True(() => exporter.Exported.Count == 1 + nodes, "the waiting snapshots exported");
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }

        var pipeline = Assert.Single(provider.GetRequiredService<ExporterPipelines>().All);
        var dropped = provider.GetServices<IMetricFamilyProvider>().OfType<ExporterFamilies>().Single().Collect()
            .Single(f => f.Name == "gateway_exporter_dropped_total").Samples
            .ToDictionary(s => s.Labels.Get("kind")!, s => (s.Labels.Get("exporter"), s.Value));

        Assert.Equal(50, pipeline.Metrics!.Capacity);
        Assert.Equal(50, provider.GetRequiredService<IOptions<RecordingStreamOptions>>().Value.MetricQueue);
        Assert.Equal([(StreamSnapshots.Node(99), 1.0), .. Enumerable.Range(0, nodes).Select(i => (StreamSnapshots.Node(i), (double)rounds))], exporter.Exported.Select(s => (s.Node, s.Round())));
        Assert.Equal(("streaming", (double)(nodes * (rounds - 1))), dropped["metrics"]);
        Assert.Equal(("streaming", 0.0), dropped["events"]);
        Assert.Equal("n0@host", exporter.Exported[1].Families[0].Samples[0].Labels.Get("instance"));
    }

    [Fact]
    public async Task A_metric_queue_below_one_fails_at_start_with_its_path()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["exporters:streaming:metricQueue"] = "0" }).Build();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<MetricStore>()
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddPushExporter<RecordingStreamExporter, RecordingStreamOptions>("streaming", config.GetSection("exporters:streaming"), (_, _) => new RecordingStreamExporter())
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RecordingStreamOptions>>().Value);

        Assert.Equal(["exporters.streaming.metricQueue: must be at least 1"], error.Failures);
    }
}
