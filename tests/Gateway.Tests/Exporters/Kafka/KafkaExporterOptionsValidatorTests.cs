using Gateway.Core.Routing;
using Gateway.Exporters.Kafka;

namespace Gateway.Tests.Exporters.Kafka;

public sealed class KafkaExporterOptionsValidatorTests
{
    private static string[] Errors(KafkaExporterOptions options)
    {
        // As registered: Kafka's own keys, then the kit's common keys.
        var result = new PushExporterOptionsValidator<KafkaExporterOptions>(KafkaExporterOptions.YamlPath, EventVocabulary.Standard, new KafkaExporterOptionsValidator())
            .Validate(null, options);
        return result.Succeeded ? [] : result.Failures!.ToArray();
    }

    private static KafkaExporterOptions Valid() => new()
    {
        Brokers = "127.0.0.1:9092",
        Topics = new KafkaTopicsOptions { Alarms = "gateway.alarms", AlarmState = "gateway.alarm-state" },
    };

    [Fact]
    public void The_architecture_example_is_valid()
    {
        var options = new KafkaExporterOptions
        {
            BootstrapServers = "127.0.0.1:9092",
            Topics = new KafkaTopicsOptions
            {
                Alarms = "gateway.alarms",
                AlarmState = "gateway.alarm-state",
                Notifications = "gateway.notifications",
                Nodes = "gateway.nodes",
                Metrics = "gateway.metrics",
            },
            Config = new() { ["security.protocol"] = "SASL_SSL", ["sasl.mechanism"] = "PLAIN", ["sasl.username"] = "gw", ["sasl.password"] = "pw" },
        };

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Missing_brokers_and_topics_are_reported_with_their_paths()
    {
        Assert.Equal(
            [
                "exporters.kafka.brokers: must not be empty (host:port[,host:port…])",
                "exporters.kafka.topics: set at least one of alarms, alarmState, notifications, nodes, metrics",
            ],
            Errors(new KafkaExporterOptions()));
    }

    [Fact]
    public void Bad_values_are_reported_each_with_its_path()
    {
        var options = Valid();
        options.Brokers = "kafka1:9092, kafka2";
        options.Topics.Nodes = "bad topic";
        options.Metrics.RecordPer = "series";
        options.Compression = "brotli";

        Assert.Equal(
            [
                "exporters.kafka.brokers: \"kafka2\" is not host:port",
                "exporters.kafka.topics.nodes: \"bad topic\" is not a Kafka topic name (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-')",
                "exporters.kafka.metrics.recordPer: \"series\" is not one of node, family",
                "exporters.kafka.compression: \"brotli\" is not one of none, gzip, snappy, lz4, zstd",
            ],
            Errors(options));
    }

    [Fact]
    public void The_message_timeout_must_stay_below_the_outbox_attempt_timeout()
    {
        var options = Valid();
        options.Outbox.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.Config["message.timeout.ms"] = "10000";

        Assert.Equal(
            ["exporters.kafka.config.message.timeout.ms: 10000 ms must be below exporters.kafka.outbox.attemptTimeout (10000 ms), so that every delivery report arrives before the outbox abandons the attempt"],
            Errors(options));
        options.Config["message.timeout.ms"] = "9000";
        Assert.Empty(Errors(options));
    }

    [Fact]
    public void The_delivery_guarantees_cannot_be_turned_off_through_config()
    {
        var options = Valid();
        options.Config["enable.idempotence"] = "false";
        options.Config["acks"] = "1";

        Assert.Equal(
            [
                "exporters.kafka.config.enable.idempotence: is true here and cannot be changed (per-alarm order and no duplicates from retries rely on it)",
                "exporters.kafka.config.acks: is all here and cannot be changed (per-alarm order and no duplicates from retries rely on it)",
            ],
            Errors(options));
    }

    [Fact]
    public void Librdkafka_refusing_a_property_fails_validation_with_the_config_path()
    {
        var options = Valid();
        options.Config["no.such.property"] = "1";

        var error = Assert.Single(Errors(options));
        Assert.StartsWith("exporters.kafka.config: librdkafka refuses the configuration: ", error, StringComparison.Ordinal);
        Assert.Contains("no.such.property", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_quoted_by_librdkafka_is_masked_in_the_error()
    {
        var options = Valid();
        options.Config["sasl.password"] = "hunter2-secret";
        // An invalid value quoted back by librdkafka: the same text as the password.
        options.Config["security.protocol"] = "hunter2-secret";

        var error = Assert.Single(Errors(options));
        Assert.DoesNotContain("hunter2-secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Brokers_and_its_architecture_name_may_not_disagree()
    {
        var options = Valid();
        options.BootstrapServers = "elsewhere:9092";

        Assert.Equal(["exporters.kafka.bootstrapServers: another name for brokers; give one of them"], Errors(options));
    }
}
