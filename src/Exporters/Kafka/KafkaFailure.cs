using Confluent.Kafka;

namespace Gateway.Exporters.Kafka;

/// <summary>Why a record was not delivered: librdkafka's error code and its (redacted) reason.</summary>
public readonly record struct KafkaFailure(ErrorCode Code, string Topic, string Reason)
{
    public bool IsPermanent => KafkaErrors.IsPermanent(Code);

    public override string ToString() => $"{Topic}: {Reason} ({Code})";
}
