using Gateway.Core.Export;
using Gateway.Core.Outbox;

namespace Gateway.Core.Routing;

/// <summary>What one exporter pipeline is made of before its outbox is opened.</summary>
/// <param name="Exporter">The exporter.</param>
/// <param name="Outbox">Its outbox and delivery options.</param>
/// <param name="Filter">Its routing filters.</param>
/// <param name="OwnsExporter">Whether the pipelines dispose the exporter (true when the kit created it, not DI).</param>
/// <param name="MetricQueue">Capacity of its metric-stream queue, when it streams metrics.</param>
public sealed record PipelineDefinition(
    IEventExporter Exporter,
    OutboxOptions Outbox,
    EventFilter Filter,
    bool OwnsExporter = false,
    int? MetricQueue = null);
