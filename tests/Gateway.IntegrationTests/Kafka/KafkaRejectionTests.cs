using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Kafka;

/// <summary>Records Kafka can never take are dead-lettered, counted, and do not hold up the rest; secrets stay out of the log.</summary>
public sealed class KafkaRejectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_record_over_message_max_bytes_is_dead_lettered_and_counted()
    {
        await using var broker = await MockKafkaBroker.StartAsync(KafkaGateway.Topics);
        await using var target = await TargetServer.StartAsync([TargetServer.Serve("# TYPE app_up gauge\napp_up 1\n")]);
        await using var gateway = await KafkaGateway.StartAsync(broker, target.Ports.Single(), ["message.max.bytes: \"1000\""]);

        var huge = await KafkaGateway.RaiseAsync(gateway, "disk_full", "/var", "major", new string('x', 3000));
        var small = await KafkaGateway.RaiseAsync(gateway, "disk_full", "/tmp", "minor");

        await Poll.UntilAsync(
            async () => KafkaGateway.Metric(await gateway.MetricsAsync(), "gateway_outbox_dead_letters_total", "exporter=\"kafka\"") >= 1,
            Patience, "the oversized alarm event in the dead letters", () => gateway.Output);
        var messages = await Poll.UntilAsync(
            async () =>
            {
                var read = await Kcat.ReadAllAsync(broker.BootstrapServers, KafkaGateway.Alarms);
                return read.Any(m => m.Key == small) ? read : null;
            },
            Patience, "the alarm raised after it", () => gateway.Output);

        Assert.DoesNotContain(messages, m => m.Key == huge);
        Assert.Equal(1, KafkaGateway.Metric(await gateway.MetricsAsync(), "gateway_outbox_dead_letters_total", "exporter=\"kafka\""));
        Assert.Contains("MsgSizeTooLarge", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sasl_password_from_the_environment_is_absent_from_the_log()
    {
        const string password = "Zq7-very-secret-pw-4711";
        // librdkafka's mock cluster has no SASL handshake: every connection fails authentication, so
        // librdkafka logs errors about the SASL connection and the events wait in the outbox.
        await using var broker = await MockKafkaBroker.StartAsync(KafkaGateway.Topics);
        await using var target = await TargetServer.StartAsync([TargetServer.Serve("# TYPE app_up gauge\napp_up 1\n")]);
        await using var gateway = await KafkaGateway.StartAsync(
            broker,
            target.Ports.Single(),
            ["security.protocol: SASL_PLAINTEXT", "sasl.mechanism: PLAIN", "sasl.username: gateway", "sasl.password: ${KAFKA_TEST_PASSWORD}", "debug: security,broker,conf"],
            """
            logging:
              logLevel: { Default: Information, Gateway.Exporters.Kafka: Debug }

            """,
            new Dictionary<string, string?> { ["KAFKA_TEST_PASSWORD"] = password });

        await KafkaGateway.RaiseAsync(gateway, "disk_full", "/var", "major");
        await Poll.UntilAsync(
            () => Task.FromResult(gateway.Output.Contains("librdkafka", StringComparison.Ordinal)
                && gateway.Output.Contains("SASL", StringComparison.Ordinal)
                && gateway.Output.Contains("Exporter kafka: ", StringComparison.Ordinal)),
            Patience, "librdkafka's SASL log lines and the retried delivery in the gateway's log", () => gateway.Output);

        Assert.DoesNotContain(password, gateway.Output, StringComparison.Ordinal);
        Assert.Empty(await Kcat.ReadAllAsync(broker.BootstrapServers, KafkaGateway.Alarms));
        using var history = JsonDocument.Parse(await gateway.Http.GetStringAsync("/api/v1/alarms"));
        Assert.Equal(1, history.RootElement.GetArrayLength());
    }
}
