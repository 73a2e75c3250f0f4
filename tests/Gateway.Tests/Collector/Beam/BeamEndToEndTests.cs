using System.Diagnostics;
using System.Globalization;
using Gateway.Collector;
using Gateway.Collector.Scheduling;
using Gateway.Core.Configuration;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Erlang.Tests.Fixtures;
using Gateway.Tests.Collector.Beam.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Collector.Beam;

public sealed class BeamEndToEndTests(ErlangTestbed testbed) : IClassFixture<ErlangTestbed>
{
    [Fact]
    public async Task The_scheduler_discovers_the_epmd_nodes_and_stores_their_series_with_the_group()
    {
        DurationConverter.Register();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The first collection compiles the agent on the node: a 1 s timeout (what a 1 s interval
            // implies) lost that race on a loaded machine, every cycle.
            ["collect:interval"] = "10s",
            ["collect:timeout"] = "10s",
            ["collect:beam:epmdHosts:0"] = "localhost",
            ["collect:beam:epmdPort"] = testbed.Epmd.Port.ToString(CultureInfo.InvariantCulture),
            ["collect:beam:cookie"] = "testcookie",
            ["collect:beam:groups:testers:0"] = "t*@localhost",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<MetricStore>();
        services.AddGatewayCollector(configuration.GetSection("collect"));
        await using var provider = services.BuildServiceProvider();
        var scheduler = provider.GetRequiredService<ScrapeScheduler>();
        var store = provider.GetRequiredService<MetricStore>();
        var key = new NodeKey("beam", testbed.Node.Name);

        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            var watch = Stopwatch.StartNew();
            NodeEntry? entry = null;
            while (!(store.TryGet(key, out var found) && found.Status.Up && (entry = found) is not null))
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"node {key} never came up: {(store.TryGet(key, out var e) ? e.Status.LastError : "not registered")}");
                await Task.Delay(20);
            }

            Assert.Equal("testers", entry.Status.Info["group"]);
            Assert.StartsWith("loaded v", entry.Status.Info["agent"], StringComparison.Ordinal);
            Assert.Equal("testers", entry.Snapshot!.TargetLabels.Get("group"));
            Assert.True(entry.Status.Samples > 50, $"only {entry.Status.Samples} samples");
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }
}
