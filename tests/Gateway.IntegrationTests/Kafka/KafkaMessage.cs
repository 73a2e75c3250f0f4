namespace Gateway.IntegrationTests.Kafka;

/// <summary>One message as kcat read it back (<see cref="Value"/> null: a tombstone).</summary>
public sealed record KafkaMessage(string Topic, int Partition, long Offset, string? Key, string? Value, IReadOnlyDictionary<string, string> Headers)
{
    public string Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"message {Topic}/{Partition}@{Offset} has no header \"{name}\"");
}
