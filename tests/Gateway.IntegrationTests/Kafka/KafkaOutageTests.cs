using System.Net.Http.Json;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Kafka;

/// <summary>The broker goes away while the gateway runs: alarm events wait in the outbox, metrics are dropped and counted.</summary>
public sealed class KafkaOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Alarm_events_of_an_outage_all_arrive_in_order_per_alarm_when_the_broker_is_back()
    {
        await using var broker = await MockKafkaBroker.StartAsync(KafkaGateway.Topics);
        await using var target = await TargetServer.StartAsync([TargetServer.Serve("# TYPE app_up gauge\napp_up 1\n")]);
        await using var gateway = await KafkaGateway.StartAsync(broker, target.Ports.Single());
        await Poll.UntilAsync(
            async () => (await Kcat.ReadAllAsync(broker.BootstrapServers, KafkaGateway.Metrics)).Count > 0,
            Patience, "a first metrics record before the outage", () => gateway.Output);

        await broker.SetDownAsync();
        var a = await KafkaGateway.RaiseAsync(gateway, "disk_full", "/var", "minor");
        var b = await KafkaGateway.RaiseAsync(gateway, "disk_full", "/tmp", "major");
        await KafkaGateway.RaiseAsync(gateway, "disk_full", "/var", "critical");   // a: severity_changed
        await KafkaGateway.ClearAsync(gateway, b);
        var c = await KafkaGateway.RaiseAsync(gateway, "high_load", string.Empty, "warning");
        await KafkaGateway.ClearAsync(gateway, a);
        var d = await KafkaGateway.RaiseAsync(gateway, "disk_full", "/tmp", "minor");   // b's identity raised again
        Assert.Equal(b, d);

        // The outage is seen: deliveries retried, metric snapshots dropped and counted.
        await Poll.UntilAsync(
            async () =>
            {
                var metrics = await gateway.MetricsAsync();
                return KafkaGateway.Metric(metrics, "gateway_exporter_retries_total", "exporter=\"kafka\"") > 0
                    && KafkaGateway.Metric(metrics, "gateway_exporter_dropped_total", "exporter=\"kafka\"", "kind=\"metrics\"") > 0;
            },
            Patience, "retries and dropped metric snapshots while the broker is down", () => gateway.Output);
        Assert.True(KafkaGateway.Metric(await gateway.MetricsAsync(), "gateway_outbox_depth", "exporter=\"kafka\"") > 0);

        await broker.SetUpAsync();
        var expected = await KafkaGateway.HistoryAsync(gateway);
        Assert.Equal(3, expected[a].Count);   // raised, severity_changed, cleared
        Assert.Equal(3, expected[b].Count);   // raised, cleared, raised
        Assert.Single(expected[c]);
        var received = await Poll.UntilAsync(
            async () =>
            {
                var messages = await Kcat.ReadAllAsync(broker.BootstrapServers, KafkaGateway.Alarms);
                var ids = messages.Select(m => m.Header("event-id")).ToHashSet(StringComparer.Ordinal);
                return expected.Values.SelectMany(v => v).All(ids.Contains) ? messages : null;
            },
            Patience, "every alarm event of the outage on the alarms topic", () => gateway.Output);

        foreach (var (id, eventIds) in expected)
        {
            // At least once: a record may come twice after a retry, but the alarm's events keep their order.
            var sequence = received.Where(m => m.Key == id).OrderBy(m => m.Offset).Select(m => m.Header("event-id")).ToList();
            Assert.All(sequence, e => Assert.Contains(e, eventIds));
            Assert.True(IsSubsequence(eventIds, sequence), $"alarm {id}: expected {string.Join(",", eventIds)} in order within {string.Join(",", sequence)}");
        }

        // And the compacted state catches up with the API.
        await Poll.UntilAsync(
            async () =>
            {
                var state = KafkaGateway.Compact(await Kcat.ReadAllAsync(broker.BootstrapServers, KafkaGateway.AlarmState));
                var active = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms") ?? [];
                return active.Length == state.Count
                    && active.All(x => state.TryGetValue(x.GetProperty("id").GetString()!, out var s)
                        && KafkaGateway.Normalise(x) == KafkaGateway.Normalise(s.GetProperty("alarm")));
            },
            Patience, "the compacted alarm state to equal GET /api/v1/alarms", () => gateway.Output);
    }

    private static bool IsSubsequence(List<string> expected, List<string> actual)
    {
        var i = 0;
        foreach (var item in actual)
        {
            if (i < expected.Count && item == expected[i])
            {
                i++;
            }
        }
        return i == expected.Count;
    }
}
