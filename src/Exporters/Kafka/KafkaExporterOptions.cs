using Gateway.Core.Streaming;

namespace Gateway.Exporters.Kafka;

/// <summary>
/// Options of <c>exporters.kafka</c> (every key and its default: README.md in this folder). The common
/// push keys (<c>minSeverity</c>, <c>events</c>, <c>nodes</c>, <c>groups</c>, <c>outbox</c>,
/// <c>enabled</c>) and <c>metricQueue</c> come from <see cref="StreamingExporterOptions"/>.
/// </summary>
public sealed class KafkaExporterOptions : StreamingExporterOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "exporters:kafka";

    /// <summary>The YAML path used in validation messages.</summary>
    public const string YamlPath = "exporters.kafka";

    /// <summary>Bootstrap servers, <c>host:port[,host:port…]</c> (librdkafka's <c>bootstrap.servers</c>).</summary>
    public string? Brokers { get; set; }

    /// <summary>The name ARCHITECTURE.md's example uses for <see cref="Brokers"/>; either may be given.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>librdkafka's <c>client.id</c>.</summary>
    public string ClientId { get; set; } = "gateway";

    /// <summary>Where each kind of record goes; a topic left out is not produced.</summary>
    public KafkaTopicsOptions Topics { get; set; } = new();

    /// <summary>How metric snapshots are cut into records.</summary>
    public KafkaMetricsOptions Metrics { get; set; } = new();

    /// <summary>librdkafka's <c>compression.type</c>: none, gzip, snappy, lz4, zstd.</summary>
    public string Compression { get; set; } = "lz4";

    /// <summary>Passed to librdkafka as is (TLS, SASL, tuning); values may be <c>${ENV}</c> or <c>${file:…}</c>.</summary>
    public Dictionary<string, string> Config { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The bootstrap servers in force: <see cref="Brokers"/>, else <see cref="BootstrapServers"/>.</summary>
    public string? EffectiveBrokers => string.IsNullOrWhiteSpace(Brokers) ? BootstrapServers : Brokers;
}
