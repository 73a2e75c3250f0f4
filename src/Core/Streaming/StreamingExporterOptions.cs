using Gateway.Core.Routing;

namespace Gateway.Core.Streaming;

/// <summary>
/// Options of a push exporter that also streams metrics (Kafka's metrics topic, Datadog, remote_write …):
/// the common push keys plus the size of its snapshot queue.
/// </summary>
public class StreamingExporterOptions : PushExporterOptions
{
    /// <summary>Node snapshots waiting for this exporter at most (latest per node wins; the oldest is dropped when full).</summary>
    public int MetricQueue { get; set; } = MetricSubscription.DefaultCapacity;
}
