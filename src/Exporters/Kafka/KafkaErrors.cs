using Confluent.Kafka;

namespace Gateway.Exporters.Kafka;

/// <summary>Which produce errors can never succeed on a retry (the record is dead-lettered) and which pass.</summary>
public static class KafkaErrors
{
    /// <summary>
    /// The record itself is refused: over <c>message.max.bytes</c> (the client's or the broker's limit)
    /// or invalid for the broker. Retrying the same bytes would fail forever.
    /// </summary>
    public static bool IsPermanent(ErrorCode code) => code is
        ErrorCode.MsgSizeTooLarge
        or ErrorCode.RecordListTooLarge
        or ErrorCode.InvalidMsgSize
        or ErrorCode.InvalidRecord;
}
