using Gateway.Collector;
using Gateway.Collector.PrometheusText;
using Gateway.Collector.Scheduling;
using Gateway.Core.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Collector.Scheduling;

public sealed class AddGatewayCollectorTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<MetricStore>();
        services.AddGatewayCollector(configuration.GetSection("collect"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Registers_scheduler_source_discovery_and_statistics()
    {
        using var provider = Build(new()
        {
            ["collect:prometheus:0:job"] = "rabbitmq",
            ["collect:prometheus:0:targets:0"] = "127.0.0.1:15692",
        });

        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        Assert.Same(provider.GetRequiredService<ScrapeScheduler>(), hosted);
        Assert.IsType<PrometheusTextSource>(Assert.Single(provider.GetServices<INodeSource>()));
        Assert.Single(provider.GetServices<ITargetProvider>());
        Assert.NotNull(provider.GetRequiredService<ScrapeStatistics>());
        Assert.Equal("rabbitmq", provider.GetRequiredService<IOptions<CollectOptions>>().Value.Prometheus[0].Job);
    }

    [Fact]
    public void Invalid_options_fail_with_every_error()
    {
        using var provider = Build(new()
        {
            ["collect:concurrency"] = "0",
            ["collect:prometheus:0:job"] = "",
            ["collect:prometheus:0:targets:0"] = "host:abc",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollectOptions>>().Value);
        Assert.Equal(
            [
                "collect.concurrency: must be at least 1 (is 0)",
                "collect.prometheus[0].job: must not be empty",
                "collect.prometheus[0].targets[0]: \"host:abc\" is not host:port",
            ],
            ex.Failures);
    }

    [Fact]
    public async Task Static_targets_reach_the_store_through_the_scheduler()
    {
        using var provider = Build(new()
        {
            ["collect:prometheus:0:job"] = "rabbitmq",
            ["collect:prometheus:0:targets:0"] = "127.0.0.1:1",
            ["collect:prometheus:0:targets:1"] = "127.0.0.1:2",
        });
        var scheduler = provider.GetRequiredService<ScrapeScheduler>();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => scheduler.TargetCount == 2, "two targets scheduled");
            var store = provider.GetRequiredService<MetricStore>();
            Assert.Equal(["127.0.0.1:1", "127.0.0.1:2"], store.Entries().Select(e => e.Status.Node.Instance));
            Assert.All(store.Entries(), e => Assert.Equal("prometheus", e.Status.Source));
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }
}
