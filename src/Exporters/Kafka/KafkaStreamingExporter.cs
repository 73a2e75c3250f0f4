using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Core.Streaming;

namespace Gateway.Exporters.Kafka;

/// <summary>
/// The Kafka exporter when <c>topics.metrics</c> is set: the events of <see cref="KafkaExporter"/> plus
/// node snapshots from the metric stream (<see cref="KafkaMetricPublisher"/>), on the same producer.
/// A separate type so that, without a metrics topic, the kit does not subscribe it to the stream.
/// </summary>
public sealed class KafkaStreamingExporter : IEventExporter, IMetricStreamExporter, IDisposable
{
    private readonly KafkaExporter _events;
    private readonly KafkaMetricPublisher _metrics;

    public KafkaStreamingExporter(KafkaExporter events, TimeProvider time)
    {
        _events = events;
        _metrics = new KafkaMetricPublisher(events.Client, events.Mapper, time);
    }

    public string Name => _events.Name;

    public bool Accepts(GatewayEvent e) => _events.Accepts(e);

    public ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken) =>
        _events.DeliverAsync(batch, cancellationToken);

    public ValueTask ExportAsync(IReadOnlyList<StreamedSnapshot> snapshots, CancellationToken cancellationToken) =>
        _metrics.ExportAsync(snapshots, cancellationToken);

    public void Dispose() => _events.Dispose();
}
