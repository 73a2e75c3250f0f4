namespace Gateway.Core.Streaming;

/// <summary>
/// A push exporter (an <see cref="Export.IEventExporter"/> registered with <c>AddPushExporter</c>) that
/// also wants node snapshots. The kit subscribes it to the <see cref="MetricStream"/> with its options'
/// <c>metricQueue</c> and calls this with what waits, after each collection. No retries: a snapshot that
/// fails is dropped (counted) — the next collection brings a newer one.
/// </summary>
public interface IMetricStreamExporter
{
    ValueTask ExportAsync(IReadOnlyList<StreamedSnapshot> snapshots, CancellationToken cancellationToken);
}
