namespace Gateway.Exporters.Kafka;

/// <summary><c>exporters.kafka.metrics</c>: how snapshots become records on <c>topics.metrics</c>.</summary>
public sealed class KafkaMetricsOptions
{
    public const string PerNode = "node";
    public const string PerFamily = "family";

    /// <summary><c>node</c>: one record per node and collection; <c>family</c>: one per metric family.</summary>
    public string RecordPer { get; set; } = PerNode;

    public bool IsPerFamily => string.Equals(RecordPer?.Trim(), PerFamily, StringComparison.OrdinalIgnoreCase);
}
