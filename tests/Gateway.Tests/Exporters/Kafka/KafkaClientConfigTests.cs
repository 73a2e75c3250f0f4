using Gateway.Exporters.Kafka;

namespace Gateway.Tests.Exporters.Kafka;

public sealed class KafkaClientConfigTests
{
    [Fact]
    public void The_producer_is_idempotent_compressed_batched_and_times_out_before_the_outbox_attempt()
    {
        var options = new KafkaExporterOptions { Brokers = "k1:9092,k2:9092" };

        var config = KafkaClientConfig.Build(options);

        Assert.Equal("k1:9092,k2:9092", config["bootstrap.servers"]);
        Assert.Equal("true", config["enable.idempotence"]);
        Assert.Equal("all", config["acks"]);
        Assert.Equal("lz4", config["compression.type"]);
        Assert.Equal("1", config["linger.ms"]);
        Assert.Equal("true", config["socket.nagle.disable"]);
        Assert.Equal("24000", config["message.timeout.ms"]);
        Assert.Equal(TimeSpan.FromSeconds(24), KafkaClientConfig.MessageTimeout(config));
    }

    [Fact]
    public void The_config_map_tunes_librdkafka_but_not_the_guarantees()
    {
        var options = new KafkaExporterOptions
        {
            Brokers = "k1:9092",
            Compression = "ZSTD",
            Config = new() { ["linger.ms"] = "50", ["delivery.timeout.ms"] = "7000", ["acks"] = "1", ["security.protocol"] = "SSL" },
        };

        var config = KafkaClientConfig.Build(options);

        Assert.Equal("50", config["linger.ms"]);
        Assert.Equal("zstd", config["compression.type"]);
        Assert.Equal("SSL", config["security.protocol"]);
        Assert.Equal("all", config["acks"]);
        Assert.False(config.ContainsKey("message.timeout.ms"));
        Assert.Equal(TimeSpan.FromSeconds(7), KafkaClientConfig.MessageTimeout(config));
    }

    [Fact]
    public void Secrets_are_masked_wherever_they_are_quoted()
    {
        var secrets = new KafkaSecrets(new Dictionary<string, string>
        {
            ["sasl.password"] = "p4ss",
            ["ssl.key.password"] = "k3y",
            ["sasl.oauthbearer.client.secret"] = "cl1ent",
            ["sasl.username"] = "gateway",
            ["ssl.keystore.password"] = string.Empty,
        });

        Assert.Equal("auth of gateway with *** failed; key *** and ***", secrets.Redact("auth of gateway with p4ss failed; key k3y and cl1ent"));
        Assert.True(KafkaSecrets.IsSecret("sasl.oauthbearer.config"));
        Assert.True(KafkaSecrets.IsSecret("ssl.keystore.password"));
        Assert.True(KafkaSecrets.IsSecret("ssl.key.pem"));
        Assert.False(KafkaSecrets.IsSecret("sasl.username"));
        Assert.False(KafkaSecrets.IsSecret("security.protocol"));
    }
}
