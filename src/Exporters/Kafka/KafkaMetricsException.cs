namespace Gateway.Exporters.Kafka;

/// <summary>Some metric snapshots of an export were not delivered (the kit counts them as dropped).</summary>
public sealed class KafkaMetricsException : Exception
{
    public KafkaMetricsException()
    {
    }

    public KafkaMetricsException(string message)
        : base(message)
    {
    }

    public KafkaMetricsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
