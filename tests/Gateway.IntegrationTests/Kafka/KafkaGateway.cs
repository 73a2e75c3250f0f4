using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Kafka;

/// <summary>What the Kafka tests share: topics, the gateway's config, the HTTP API calls and reading records back.</summary>
internal static class KafkaGateway
{
    public const string Token = "kafka-integration-token-0123456789";
    public const string Alarms = "gateway.alarms";
    public const string AlarmState = "gateway.alarm-state";
    public const string Notifications = "gateway.notifications";
    public const string Nodes = "gateway.nodes";
    public const string Metrics = "gateway.metrics";

    public static readonly (string Topic, int Partitions)[] Topics =
        [(Alarms, 3), (AlarmState, 3), (Notifications, 2), (Nodes, 1), (Metrics, 2)];

    public static readonly Dictionary<string, string> RecordTypeOf = new(StringComparer.Ordinal)
    {
        [Alarms] = "alarm_event",
        [AlarmState] = "alarm_state",
        [Notifications] = "notification",
        [Nodes] = "node_event",
        [Metrics] = "metrics",
    };

    /// <summary>
    /// The gateway, collecting one HTTP target every second and exporting every kind of record to
    /// <paramref name="broker"/>. Quick retries (the broker is local); <c>message.timeout.ms</c> 3 s.
    /// <paramref name="librdkafka"/> adds entries to <c>exporters.kafka.config</c>; <paramref name="extraYaml"/>
    /// adds top-level sections.
    /// </summary>
    public static Task<GatewayProcess> StartAsync(
        MockKafkaBroker broker, int targetPort, IEnumerable<string>? librdkafka = null, string extraYaml = "", IDictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["GATEWAY__GATEWAY__APITOKEN"] = Token };
        var yaml = new StringBuilder($$"""
            collect:
              interval: 1s
              timeout: 1s
              prometheus:
                - job: apps
                  targets: [ 127.0.0.1:{{targetPort}} ]
            exporters:
              console: { enabled: false }
              kafka:
                brokers: {{broker.BootstrapServers}}
                topics: { alarms: {{Alarms}}, alarmState: {{AlarmState}}, notifications: {{Notifications}}, nodes: {{Nodes}}, metrics: {{Metrics}} }
                outbox: { initialBackoff: 200ms, maxBackoff: 1s, breakerPause: 1s, attemptTimeout: 10s }
                config:
                  message.timeout.ms: "3000"

            """);
        foreach (var entry in librdkafka ?? [])
        {
            yaml.Append("      ").Append(entry).Append('\n');
        }
        yaml.Append(extraYaml);
        return GatewayProcess.StartAsync(yaml.ToString(), environment: env);
    }

    public static async Task<string> RaiseAsync(GatewayProcess gateway, string type, string resource, string severity, string description = "integration test")
    {
        using var response = await PostAsync(gateway, "/api/v1/alarms", JsonSerializer.Serialize(new { action = "raise", node = "n1@host", type, resource, severity, description }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task ClearAsync(GatewayProcess gateway, string id)
    {
        using var response = await PostAsync(gateway, "/api/v1/alarms", JsonSerializer.Serialize(new { action = "clear", id }));
        response.EnsureSuccessStatusCode();
    }

    public static async Task<HttpResponseMessage> PostAsync(GatewayProcess gateway, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await gateway.Http.SendAsync(request);
    }

    /// <summary>Every alarm event of the gateway's history: alarm id → event ids, oldest first.</summary>
    public static async Task<Dictionary<string, List<string>>> HistoryAsync(GatewayProcess gateway)
    {
        var events = await gateway.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/alarms/history") ?? [];
        return events
            .OrderBy(e => e.GetProperty("time").GetDateTimeOffset())
            .GroupBy(e => e.GetProperty("alarm").GetProperty("id").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("eventId").GetString()!).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The compacted view of the state topic: the last value per key, keys whose last value is a tombstone left out.</summary>
    public static Dictionary<string, JsonElement> Compact(IEnumerable<KafkaMessage> messages)
    {
        var last = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var m in messages.OrderBy(m => m.Partition).ThenBy(m => m.Offset))
        {
            last[m.Key!] = m.Value;
        }
        return last.Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => JsonDocument.Parse(p.Value!).RootElement.Clone(), StringComparer.Ordinal);
    }

    /// <summary>An alarm object as comparable text: times as instants (the API writes +00:00, records Z).</summary>
    public static string Normalise(JsonElement alarm) =>
        string.Join("|", alarm.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
            p.Name is "raisedAt" or "updatedAt"
                ? $"{p.Name}={p.Value.GetDateTimeOffset().UtcTicks}"
                : $"{p.Name}={p.Value.GetRawText()}"));

    /// <summary>
    /// The sum of the <c>/metrics</c> series named <paramref name="name"/> that carry every one of
    /// <paramref name="labels"/> (<c>exporter="kafka"</c>); 0 when there is none. The gateway's own
    /// series carry its <c>instance</c>/<c>job</c> too, so labels are matched anywhere in the set.
    /// </summary>
    public static double Metric(string exposition, string name, params string[] labels) =>
        exposition.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(x => l.Contains(x, StringComparison.Ordinal)))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .Sum();
}
