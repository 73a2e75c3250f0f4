using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Kafka;

/// <summary>
/// The real gateway process produces to librdkafka's mock cluster (its own process); kcat reads back.
/// Every record is checked against its JSON Schema in <c>docs/schemas/</c>.
/// </summary>
public sealed class KafkaEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Every_topic_gets_its_records_with_keys_headers_and_schema_valid_values()
    {
        await using var broker = await MockKafkaBroker.StartAsync(KafkaGateway.Topics);
        await using var target = await TargetServer.StartAsync([TargetServer.Serve("# TYPE app_requests counter\napp_requests_total{path=\"/\"} 7\n# TYPE app_up gauge\napp_up 1\n")]);
        var instance = $"127.0.0.1:{target.Ports.Single()}";
        await using var gateway = await KafkaGateway.StartAsync(broker, target.Ports.Single());

        var disk = await KafkaGateway.RaiseAsync(gateway, "disk_full", "/var", "major", "disk /var is 97% full");
        var tmp = await KafkaGateway.RaiseAsync(gateway, "disk_full", "/tmp", "minor");
        var load = await KafkaGateway.RaiseAsync(gateway, "high_load", string.Empty, "critical");
        using (var ack = await KafkaGateway.PostAsync(gateway, $"/api/v1/alarms/{tmp}/ack", """{"comment":"looking"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }
        await KafkaGateway.ClearAsync(gateway, load);
        using (var notified = await KafkaGateway.PostAsync(gateway, "/api/v1/notifications", """{"node":"n1@host","level":"error","message":"payment <svc> timed out","metadata":{"pid":"<0.42.0>"}}"""))
        {
            Assert.Equal(HttpStatusCode.Accepted, notified.StatusCode);
        }

        var read = await Poll.UntilAsync(
            async () =>
            {
                var topics = new Dictionary<string, IReadOnlyList<KafkaMessage>>(StringComparer.Ordinal);
                foreach (var (topic, _) in KafkaGateway.Topics)
                {
                    topics[topic] = await Kcat.ReadAllAsync(broker.BootstrapServers, topic);
                }
                return topics[KafkaGateway.Alarms].Count >= 5 && topics[KafkaGateway.AlarmState].Count >= 5
                    && topics[KafkaGateway.Notifications].Count >= 1 && topics[KafkaGateway.Nodes].Count >= 1 && topics[KafkaGateway.Metrics].Count >= 1
                    ? topics
                    : null;
            },
            Patience,
            "records on every topic",
            () => gateway.Output);

        foreach (var (topic, messages) in read)
        {
            foreach (var m in messages)
            {
                Assert.Equal(KafkaGateway.RecordTypeOf[topic], m.Header("record-type"));
                Assert.Equal("1", m.Header("schema-version"));
                var eventId = Guid.Parse(m.Header("event-id"));
                if (m.Value is null)
                {
                    Assert.Equal(KafkaGateway.AlarmState, topic);
                    Assert.Equal(load, m.Key);
                    continue;
                }
                RecordSchemas.AssertValid(KafkaGateway.RecordTypeOf[topic], Encoding.UTF8.GetBytes(m.Value));
                using var json = JsonDocument.Parse(m.Value);
                var root = json.RootElement;
                Assert.Equal(eventId, root.GetProperty("eventId").GetGuid());
                var expectedKey = topic is KafkaGateway.Alarms or KafkaGateway.AlarmState
                    ? root.GetProperty("alarm").GetProperty("id").GetString()
                    : root.GetProperty("node").GetString();
                Assert.Equal(expectedKey, m.Key);
            }
        }

        var events = read[KafkaGateway.Alarms]
            .GroupBy(m => m.Key!)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Offset).Select(m => JsonDocument.Parse(m.Value!).RootElement.GetProperty("event").GetString()!).ToArray());
        Assert.Equal(["raised"], events[disk]);
        Assert.Equal(["raised", "acknowledged"], events[tmp]);
        Assert.Equal(["raised", "cleared"], events[load]);
        Assert.Contains(read[KafkaGateway.Nodes], m => m.Key == instance && m.Value!.Contains("\"event\":\"node_up\"", StringComparison.Ordinal));
        Assert.All(read[KafkaGateway.Metrics], m => Assert.Equal(instance, m.Key));
        Assert.Contains("\"app_requests_total\"", read[KafkaGateway.Metrics][0].Value, StringComparison.Ordinal);
        var notification = Assert.Single(read[KafkaGateway.Notifications]);
        Assert.Equal("n1@host", notification.Key);
        Assert.Contains("\"pid\":\"<0.42.0>\"", notification.Value, StringComparison.Ordinal);

        // The compacted state topic is what the HTTP API shows.
        var state = KafkaGateway.Compact(read[KafkaGateway.AlarmState]);
        var active = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms") ?? [];
        Assert.Equal(active.Select(a => a.GetProperty("id").GetString()).Order(), state.Keys.Order());
        foreach (var alarm in active)
        {
            Assert.Equal(KafkaGateway.Normalise(alarm), KafkaGateway.Normalise(state[alarm.GetProperty("id").GetString()!].GetProperty("alarm")));
        }
        Assert.True(state[tmp].GetProperty("alarm").GetProperty("acknowledged").GetBoolean());
    }
}
