namespace Gateway.Exporters.Kafka;

/// <summary>One message to produce: its topic, key, value (null = tombstone) and header values.</summary>
public readonly record struct KafkaRecord(string Topic, string Key, byte[]? Value, string RecordType, Guid Id);
