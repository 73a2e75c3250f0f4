using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Kafka;

public sealed partial class KafkaClient
{
    [LoggerMessage(Message = "Kafka exporter {Exporter}: librdkafka {Facility}: {Text}")]
    private partial void LogLibrdkafka(LogLevel level, string exporter, string facility, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka exporter {Exporter}: {Code}: {Reason} (repeats within 30 s are not logged)")]
    private partial void LogClientError(string exporter, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kafka exporter {Exporter}: fatal producer error {Code}: {Reason}; the producer is replaced and undelivered events are sent again")]
    private partial void LogFatal(string exporter, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka exporter {Exporter}: a new producer replaced the one that failed")]
    private partial void LogProducerReplaced(string exporter);
}
