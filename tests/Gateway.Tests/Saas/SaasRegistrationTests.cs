using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Routing;
using Gateway.Saas.Opsgenie;
using Gateway.Saas.PagerDuty;
using Gateway.Tests.Core.Outbox;
using Gateway.Tests.Saas.Opsgenie;
using Gateway.Tests.Saas.PagerDuty;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Saas;

/// <summary>The exporters as the host registers them: kit pipelines with the Refit clients from DI.</summary>
public sealed class SaasRegistrationTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Both_exporters_get_a_pipeline_and_a_working_client_on_their_url()
    {
        await using var pagerDuty = await PagerDutyContract.StartAsync();
        pagerDuty.Otherwise = PagerDutyContract.Accepted;
        await using var opsgenie = await OpsgenieContract.StartAsync();
        opsgenie.Otherwise = OpsgenieContract.Accepted;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["exporters:pagerduty:routingKey"] = PagerDutyContract.Key,
            ["exporters:pagerduty:url"] = pagerDuty.Url.ToString(),
            ["exporters:pagerduty:timeout"] = "5s",
            ["exporters:opsgenie:apiKey"] = OpsgenieContract.Key,
            ["exporters:opsgenie:url"] = opsgenie.Url.ToString(),
        }).Build();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddPagerDutyExporter(config.GetSection(PagerDutyExporterOptions.Section))
            .AddOpsgenieExporter(config.GetSection(OpsgenieExporterOptions.Section))
            .BuildServiceProvider();

        var pipelines = provider.GetRequiredService<ExporterPipelines>().All;
        Assert.Equal(["pagerduty", "opsgenie"], pipelines.Select(p => p.Exporter.Name));
        foreach (var pipeline in pipelines)
        {
            Assert.Equal(DeliveryResult.Delivered, await pipeline.Exporter.DeliverAsync([IncidentEvents.Raised()], CancellationToken.None));
        }
        Assert.Equal("/v2/enqueue", Assert.Single(pagerDuty.Accepted).Path);
        Assert.Equal("/v2/alerts", Assert.Single(opsgenie.Accepted).Path);
        Assert.Empty(pagerDuty.Problems.Concat(opsgenie.Problems));
    }

    [Fact]
    public void Without_a_section_nothing_is_registered()
    {
        var config = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddPagerDutyExporter(config.GetSection(PagerDutyExporterOptions.Section))
            .AddOpsgenieExporter(config.GetSection(OpsgenieExporterOptions.Section))
            .BuildServiceProvider();

        Assert.Empty(provider.GetRequiredService<ExporterPipelines>().All);
        Assert.Null(provider.GetService<IPagerDutyApi>());
        Assert.Null(provider.GetService<IOpsgenieApi>());
    }
}
