using Gateway.Core.Streaming;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Core.Routing;

/// <summary>Runs every exporter's delivery loop, and the metric-stream loop of those that stream metrics, for the lifetime of the host.</summary>
public sealed class OutboxDeliveryService : BackgroundService
{
    private readonly ExporterPipelines _pipelines;
    private readonly ILoggerFactory _loggers;

    public OutboxDeliveryService(ExporterPipelines pipelines, ILoggerFactory? loggers = null)
    {
        _pipelines = pipelines;
        _loggers = loggers ?? NullLoggerFactory.Instance;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new List<Task>();
        foreach (var pipeline in _pipelines.All)
        {
            loops.Add(Task.Run(() => pipeline.Delivery.RunAsync(stoppingToken), CancellationToken.None));
            if (pipeline is { Metrics: { } subscription, Exporter: IMetricStreamExporter streaming })
            {
                var delivery = new MetricStreamDelivery(subscription, streaming, _loggers.CreateLogger<MetricStreamDelivery>());
                loops.Add(Task.Run(() => delivery.RunAsync(stoppingToken), CancellationToken.None));
            }
        }
        return Task.WhenAll(loops);
    }
}
