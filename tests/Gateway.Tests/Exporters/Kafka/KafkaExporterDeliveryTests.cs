using Gateway.Core.Events;
using Gateway.Core.Export;
using Gateway.Exporters.Kafka;
using Gateway.Tests.Core.Records;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Exporters.Kafka;

/// <summary>
/// The exporter against librdkafka's mock cluster inside its own producer (<c>test.mock.num.brokers</c>):
/// what <c>DeliverAsync</c> answers. Reading records back and outages: the integration tests.
/// </summary>
public sealed class KafkaExporterDeliveryTests
{
    private static KafkaExporter Exporter(int? maxMessageBytes = null)
    {
        var options = new KafkaExporterOptions
        {
            Brokers = "127.0.0.1:1",
            Topics = new KafkaTopicsOptions { Alarms = "alarms", AlarmState = "state", Notifications = "notifications", Nodes = "nodes" },
            Config = new() { ["test.mock.num.brokers"] = "1" },
        };
        if (maxMessageBytes is { } max)
        {
            options.Config["message.max.bytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return new KafkaExporter(options, TimeProvider.System, NullLogger<KafkaExporter>.Instance);
    }

    private static GatewayEvent Alarm(string description = "ok") =>
        GatewayEvent.From(RecordSamples.AlarmEvent() with { EventId = Guid.NewGuid(), Alarm = RecordSamples.Alarm() with { Description = description } });

    [Fact]
    public async Task A_batch_of_every_kind_is_delivered_when_every_record_is_acknowledged()
    {
        using var exporter = Exporter();
        GatewayEvent[] batch =
        [
            Alarm(),
            GatewayEvent.From(RecordSamples.AlarmEvent(AlarmEventKind.Cleared, Severity.Cleared)),
            GatewayEvent.From(RecordSamples.Notification()),
            GatewayEvent.From(RecordSamples.NodeDown()),
        ];

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await exporter.DeliverAsync(batch, timeout.Token);

        Assert.Equal(DeliveryResult.Delivered, result);
    }

    [Fact]
    public async Task A_record_over_the_size_limit_is_rejected_after_the_events_before_it()
    {
        using var exporter = Exporter(maxMessageBytes: 1000);
        GatewayEvent[] batch = [Alarm(), Alarm(), Alarm(new string('x', 2000)), Alarm()];

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await exporter.DeliverAsync(batch, timeout.Token);

        var rejected = Assert.IsType<DeliveryResult.RejectedResult>(result);
        Assert.Equal(2, rejected.DeliveredCount);
        Assert.Contains("MsgSizeTooLarge", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_events_with_a_configured_topic_are_accepted()
    {
        using var exporter = new KafkaExporter(
            new KafkaExporterOptions { Brokers = "127.0.0.1:1", Topics = new KafkaTopicsOptions { Nodes = "nodes" } },
            TimeProvider.System,
            NullLogger<KafkaExporter>.Instance);

        Assert.True(exporter.Accepts(GatewayEvent.From(RecordSamples.NodeDown())));
        Assert.False(exporter.Accepts(Alarm()));
        Assert.Equal("kafka", exporter.Name);
    }
}
