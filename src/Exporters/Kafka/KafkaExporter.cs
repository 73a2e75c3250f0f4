using Confluent.Kafka;
using Gateway.Core.Events;
using Gateway.Core.Export;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Kafka;

/// <summary>
/// Produces alarm events, alarm states, notifications and node events to Kafka, one record per event
/// and topic (<see cref="KafkaRecordMapper"/>), with an idempotent producer (<c>acks=all</c>). A batch
/// is produced whole, then every delivery report is awaited: the answer counts the events at the head
/// whose records were all acknowledged, so the outbox hands back only the rest. A record too large for
/// the producer or the broker is rejected (dead-lettered by the outbox); any other failure — broker
/// down, timeout, leader change — is a retry, and the events wait in the outbox.
/// </summary>
public sealed partial class KafkaExporter : IEventExporter, IDisposable
{
    /// <summary>Time past <c>message.timeout.ms</c> to wait for the last reports.</summary>
    internal static readonly TimeSpan ReportGrace = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public KafkaExporter(KafkaExporterOptions options, TimeProvider time, ILogger<KafkaExporter> logger)
        : this(new KafkaClient(KafkaClientConfig.Build(options), "kafka", time, logger), new KafkaRecordMapper(options.Topics, options.Metrics.IsPerFamily), time, logger)
    {
    }

    internal KafkaExporter(KafkaClient client, KafkaRecordMapper mapper, TimeProvider time, ILogger logger)
    {
        Client = client;
        Mapper = mapper;
        _time = time;
        _logger = logger;
    }

    public string Name => "kafka";

    internal KafkaClient Client { get; }

    internal KafkaRecordMapper Mapper { get; }

    public bool Accepts(GatewayEvent e) => Mapper.Accepts(e);

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        var tracker = new KafkaDeliveryTracker(batch.Count);
        var records = new List<KafkaRecord>(2);
        var stopped = -1;
        for (var i = 0; i < batch.Count && stopped < 0; i++)
        {
            records.Clear();
            Mapper.Map(batch[i], records);
            foreach (var record in records)
            {
                if (!Client.Produce(record, tracker, i))
                {
                    stopped = i;
                    break;
                }
            }
        }
        if (stopped >= 0)
        {
            // The producer's queue is full or the producer failed: the rest waits for the next attempt.
            for (var i = stopped + 1; i < batch.Count; i++)
            {
                tracker.NotSent(i, new KafkaFailure(ErrorCode.Local_QueueFull, string.Empty, "not produced: the producer is busy or failed"));
            }
        }
        tracker.Seal();
        var wait = Client.MessageTimeout + ReportGrace;
        try
        {
            await tracker.Completion.WaitAsync(wait, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Judged below: whatever has not reported is not delivered.
        }
        var (delivered, failure, _) = tracker.HeadResult();
        if (delivered == batch.Count)
        {
            return DeliveryResult.Delivered;
        }
        if (failure is { IsPermanent: true } permanent)
        {
            LogRejected(Name, batch[delivered].Id, permanent.Topic, permanent.Code, permanent.Reason);
            return DeliveryResult.Reject(permanent.ToString(), delivered);
        }
        var reason = failure?.ToString() ?? $"no delivery report within {wait.TotalSeconds:0} s";
        return DeliveryResult.Retry(reason, delivered: delivered);
    }

    public void Dispose() => Client.Dispose();
}
