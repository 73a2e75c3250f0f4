using Gateway.Collector;
using Gateway.Collector.Beam;
using Gateway.Collector.PrometheusText;
using Gateway.Core.Configuration;
using Gateway.Core.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Collector.Beam;

public sealed class BeamRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        DurationConverter.Register(); // as the host does: "30s" binds to a TimeSpan
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<MetricStore>();
        services.AddGatewayCollector(configuration.GetSection("collect"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Collect_beam_registers_the_beam_source_and_discovery_with_its_options_bound()
    {
        await using var provider = Build(new()
        {
            ["collect:beam:nodes:0"] = "n1@host",
            ["collect:beam:epmdHosts:0"] = "localhost",
            ["collect:beam:groups:mongooseim:0"] = "mim*@*",
            ["collect:beam:cookies:mongooseim"] = "secret",
            ["collect:beam:agent"] = "false",
            ["collect:beam:netTickTime"] = "30s",
            ["collect:beam:metricNames"] = "prometheus_erl_v6",
        });

        var sources = provider.GetServices<INodeSource>().ToList();
        Assert.Contains(sources, s => s is BeamSource { Name: "beam" });
        Assert.Contains(sources, s => s is PrometheusTextSource);
        Assert.Contains(provider.GetServices<ITargetProvider>(), p => p is BeamTargetProvider);
        var beam = provider.GetRequiredService<IOptions<CollectOptions>>().Value.Beam!;
        Assert.Equal(["n1@host"], beam.Nodes);
        Assert.Equal(["mim*@*"], beam.Groups["mongooseim"]);
        Assert.Equal("secret", beam.Cookies["mongooseim"]);
        Assert.False(beam.Agent);
        Assert.Equal(TimeSpan.FromSeconds(30), beam.NetTickTime);
    }

    [Fact]
    public void Without_collect_beam_there_is_no_beam_source()
    {
        using var provider = Build(new() { ["collect:interval"] = "15s" });

        Assert.DoesNotContain(provider.GetServices<INodeSource>(), s => s is BeamSource);
        Assert.Null(provider.GetRequiredService<IOptions<CollectOptions>>().Value.Beam);
    }

    [Fact]
    public void A_bad_node_name_fails_validation_with_its_path()
    {
        using var provider = Build(new() { ["collect:beam:nodes:0"] = "n0@h", ["collect:beam:nodes:1"] = "n1" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollectOptions>>().Value);
        Assert.Equal(["collect.beam.nodes[1]: \"n1\" is not name@host"], ex.Failures);
    }
}
