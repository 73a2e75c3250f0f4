using Confluent.Kafka;
using Gateway.Core.Streaming;

namespace Gateway.Exporters.Kafka;

/// <summary>
/// Produces node snapshots to the metrics topic. No retries and no waiting beyond
/// <c>message.timeout.ms</c>: a snapshot that is not acknowledged by then is lost (the kit counts it as
/// dropped) and the next collection brings a newer one; while the broker is away, the metric-stream
/// queue keeps only the latest snapshot per node. Records go out in chunks of
/// <see cref="ChunkBytes"/>, each awaited before the next, so librdkafka never holds more.
/// </summary>
public sealed class KafkaMetricPublisher
{
    /// <summary>Most record bytes produced before their reports are awaited.</summary>
    public const long ChunkBytes = 16 * 1024 * 1024;

    private readonly KafkaClient _client;
    private readonly KafkaRecordMapper _mapper;
    private readonly TimeProvider _time;

    public KafkaMetricPublisher(KafkaClient client, KafkaRecordMapper mapper, TimeProvider time)
    {
        _client = client;
        _mapper = mapper;
        _time = time;
    }

    /// <summary>Produces every snapshot; throws <see cref="KafkaMetricsException"/> when some were not delivered.</summary>
    public async ValueTask ExportAsync(IReadOnlyList<StreamedSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _client.MessageTimeout + KafkaExporter.ReportGrace;
        var records = new List<KafkaRecord>();
        var failed = 0;
        KafkaFailure? first = null;
        var start = 0;
        while (start < snapshots.Count)
        {
            var tracker = new KafkaDeliveryTracker(snapshots.Count - start);
            var end = start;
            long bytes = 0;
            var stopped = false;
            while (end < snapshots.Count && bytes < ChunkBytes && !stopped)
            {
                records.Clear();
                _mapper.Map(snapshots[end], records);
                foreach (var record in records)
                {
                    bytes += record.Value?.Length ?? 0;
                    if (!_client.Produce(record, tracker, end - start))
                    {
                        stopped = true;
                        break;
                    }
                }
                end++;
            }
            tracker.Seal();
            var timedOut = false;
            var remaining = deadline - _time.GetUtcNow();
            try
            {
                await tracker.Completion.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                timedOut = true;
            }
            var (_, chunkFailed, chunkFirst) = tracker.Totals(end - start);
            failed += chunkFailed;
            first ??= chunkFirst;
            if (timedOut || stopped)
            {
                failed += snapshots.Count - end;
                first ??= new KafkaFailure(timedOut ? ErrorCode.Local_TimedOut : ErrorCode.Local_QueueFull, string.Empty,
                    timedOut ? "no delivery report in time" : "the producer is busy or failed");
                break;
            }
            start = end;
        }
        if (failed > 0)
        {
            throw new KafkaMetricsException($"{failed} of {snapshots.Count} metric snapshots were not delivered: {first}");
        }
    }
}
