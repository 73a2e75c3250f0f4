using Microsoft.Extensions.Hosting;

namespace Gateway.Core.Routing;

/// <summary>Runs every exporter's delivery loop for the lifetime of the host.</summary>
public sealed class OutboxDeliveryService : BackgroundService
{
    private readonly ExporterPipelines _pipelines;

    public OutboxDeliveryService(ExporterPipelines pipelines)
    {
        _pipelines = pipelines;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_pipelines.All.Select(p => Task.Run(() => p.Delivery.RunAsync(stoppingToken), CancellationToken.None)));
}
