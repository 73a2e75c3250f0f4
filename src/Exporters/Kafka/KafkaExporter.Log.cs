using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Kafka;

public sealed partial class KafkaExporter
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Kafka exporter {Exporter}: event {EventId} can never be produced to {Topic} ({Code}: {Reason}); it is dead-lettered")]
    private partial void LogRejected(string exporter, Guid eventId, string topic, ErrorCode code, string reason);
}
