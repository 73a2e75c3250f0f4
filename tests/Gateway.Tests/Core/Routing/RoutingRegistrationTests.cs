using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Routing;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Core.Routing;

public sealed class RoutingRegistrationTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Registered_exporters_get_an_outbox_and_a_running_delivery_loop()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["outbox:maxBatchEvents"] = "7" }).Build();
        var exporter = new ScriptedExporter("first");
        var services = new ServiceCollection()
            .AddLogging()
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddEventExporter(_ => exporter)
            .AddEventExporter<SecondExporter>(o => o.MaxBatchEvents = 1);
        await using var provider = services.BuildServiceProvider();

        var pipelines = provider.GetRequiredService<ExporterPipelines>();
        var router = provider.GetRequiredService<IEventRouter>();
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        var alarm = TestEvents.Alarm();
        await router.RouteAsync([alarm]);
        await Eventually.True(() => exporter.DeliveredCount == 1, "delivery through the hosted loop");
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["first", "second"], pipelines.All.Select(p => p.Exporter.Name));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "outbox", "first.db")));
        Assert.Equal(7, provider.GetRequiredService<IOptions<Gateway.Core.Outbox.OutboxOptions>>().Value.MaxBatchEvents);
        Assert.Equal(alarm.Id, exporter.Delivered[0].Id);
        Assert.Equal(1, pipelines.All[0].Statistics.Delivered);
    }

    [Fact]
    public void Invalid_outbox_options_fail_with_their_yaml_path()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["outbox:jitter"] = "2", ["outbox:maxEvents"] = "0" }).Build();
        var services = new ServiceCollection().AddLogging().AddGatewayOutbox(config.GetSection("outbox"), _dir.Path);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Gateway.Core.Outbox.OutboxOptions>>().Value);

        Assert.Contains("outbox.jitter: must be between 0 and 1", error.Failures);
        Assert.Contains("outbox.maxEvents: must be positive", error.Failures);
    }

    private sealed class SecondExporter : IEventExporter
    {
        public string Name => "second";

        public bool Accepts(GatewayEvent e) => false;

        public ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken) =>
            ValueTask.FromResult(DeliveryResult.Delivered);
    }
}
