using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using Gateway.IntegrationTests.Prometheus;

namespace Gateway.IntegrationTests.Gelf;

/// <summary>The GELF exporter of the real gateway process, read back by an independent receiver (graygelf, Node's net).</summary>
public sealed class GelfEndToEndTests
{
    private const string Token = "gelf-integration-token-0123456789";

    private static readonly string BigText = RandomText(9000);

    [Theory]
    [InlineData("none")]
    [InlineData("gzip")]
    [InlineData("zlib")]
    public async Task Alarms_notifications_and_node_events_arrive_over_udp_with_every_field(string compression)
    {
        await using var receiver = await GelfReceiver.StartAsync();
        await using var target = await TargetServer.StartAsync([TargetServer.Serve(Expositions.Text004(1))]);
        var targetPort = target.Ports.Single();
        await using var gateway = await StartGatewayAsync($$"""
            collect:
              interval: 1s
              prometheus:
                - { job: apps, targets: [ "127.0.0.1:{{targetPort}}" ] }
            exporters:
              gelf:
                endpoint: udp://127.0.0.1:{{receiver.UdpPort}}
                compression: {{compression}}
                outbox: { initialBackoff: 100ms, maxBackoff: 1s }
            """);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 - 5;

        var id = await RaiseAsync(gateway, "disk_full", "/var");
        var alarm = await receiver.WaitForAsync(m => Text(m, "_alarm_id") == id, "the alarm over UDP", () => gateway.Output);
        Assert.Equal("1.1", Text(alarm, "version"));
        Assert.Equal("n1@host", Text(alarm, "host"));
        Assert.Equal("alarm raised major disk_full on n1@host resource=/var: disk /var is 97% full", Text(alarm, "short_message"));
        Assert.Equal(3, alarm.GetProperty("level").GetInt32());
        Assert.InRange(alarm.GetProperty("timestamp").GetDouble(), before, before + 600);
        Assert.Equal("n1@host", Text(alarm, "_node"));
        Assert.Equal("raised", Text(alarm, "_event"));
        Assert.Equal("disk_full", Text(alarm, "_type"));
        Assert.Equal("/var", Text(alarm, "_resource"));
        Assert.Equal("major", Text(alarm, "_severity"));
        Assert.Equal("disk /var is 97% full", Text(alarm, "_description"));
        Assert.False(alarm.TryGetProperty("_id", out _));

        using (var posted = await PostAsync(gateway, "/api/v1/notifications",
            """{"node":"n1@host","level":"error","message":"gen_server crashed\nreason: badarg","metadata":{"pid":"<0.42.0>","mfa":"{m,f,1}","id":"7","weird key/x":"v"}}"""))
        {
            posted.EnsureSuccessStatusCode();
        }
        var crash = await receiver.WaitForAsync(m => Text(m, "short_message") == "gen_server crashed", "the notification over UDP", () => gateway.Output);
        Assert.Equal("gen_server crashed\nreason: badarg", Text(crash, "full_message"));
        Assert.Equal(3, crash.GetProperty("level").GetInt32());
        Assert.Equal(("notification", "api", "error"), (Text(crash, "_event"), Text(crash, "_source"), Text(crash, "_log_level")));
        Assert.Equal(("<0.42.0>", "{m,f,1}", "7", "v"), (Text(crash, "_pid"), Text(crash, "_mfa"), Text(crash, "_id_"), Text(crash, "_weird_key_x")));

        // Over 8 KB of text that compresses poorly: chunked, and whole at the receiver.
        using (var posted = await PostAsync(gateway, "/api/v1/notifications", JsonSerializer.Serialize(new { node = "n1@host", level = "warning", message = BigText })))
        {
            posted.EnsureSuccessStatusCode();
        }
        var big = await receiver.WaitForAsync(m => Text(m, "short_message") == BigText, "the 9 KB notification in chunks", () => gateway.Output);
        Assert.Equal(4, big.GetProperty("level").GetInt32());

        var nodeUp = await receiver.WaitForAsync(m => Text(m, "_event") == "node_up", "the target's node up", () => gateway.Output);
        Assert.Equal($"127.0.0.1:{targetPort}", Text(nodeUp, "host"));
        Assert.Equal(($"node up 127.0.0.1:{targetPort}", "apps", 5), (Text(nodeUp, "short_message"), Text(nodeUp, "_job"), nodeUp.GetProperty("level").GetInt32()));
        Assert.All(receiver.Messages(), m => Assert.Equal("udp", m.Transport));
    }

    [Fact]
    public async Task Tcp_delivers_every_alarm_once_across_a_receiver_restart()
    {
        var receiver = await GelfReceiver.StartAsync();
        var (udpPort, tcpPort) = (receiver.UdpPort, receiver.TcpPort);
        try
        {
            await using var gateway = await StartGatewayAsync($$"""
                exporters:
                  gelf:
                    endpoint: tcp://127.0.0.1:{{tcpPort}}
                    outbox: { initialBackoff: 100ms, maxBackoff: 1s, breakerFailures: 1000 }
                """);
            var first = await RaiseAsync(gateway, "before_restart", "r0");
            await receiver.WaitForAsync(m => Text(m, "_alarm_id") == first, "the first alarm over TCP", () => gateway.Output);

            await receiver.StopAsync();
            await receiver.DisposeAsync();
            var during = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                during.Add(await RaiseAsync(gateway, "during_restart", "r" + i));
            }
            // The gateway sees the receiver gone: a delivery fails and is retried.
            await Poll.UntilAsync(() => Task.FromResult(gateway.Output.Contains("Exporter gelf:", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(120), "a failed delivery to the stopped receiver", () => gateway.Output);

            receiver = await GelfReceiver.StartAsync(udpPort, tcpPort);
            var after = await RaiseAsync(gateway, "after_restart", "r9");
            foreach (var id in during.Append(after))
            {
                await receiver.WaitForAsync(m => Text(m, "_alarm_id") == id, "alarm " + id + " after the restart", () => gateway.Output);
            }
            var ids = receiver.Messages().Select(m => Text(m.Message, "_alarm_id")).ToArray();
            Assert.All(receiver.Messages(), m => Assert.Equal("tcp", m.Transport));
            Assert.Equal(during.Append(after).Order(), ids.Where(id => id != first).Order());
        }
        finally
        {
            await receiver.DisposeAsync();
        }
    }

    [Fact]
    public async Task Http_posts_each_event_gzip_compressed_to_slash_gelf()
    {
        await using var receiver = await GelfReceiver.StartAsync();
        await using var gateway = await StartGatewayAsync($$"""
            exporters:
              gelf:
                endpoint: http://127.0.0.1:{{receiver.HttpPort}}
                compression: gzip
                outbox: { initialBackoff: 100ms, maxBackoff: 1s }
            """);

        var id = await RaiseAsync(gateway, "disk_full", "/data");

        var alarm = await receiver.WaitForAsync(m => Text(m, "_alarm_id") == id, "the alarm over HTTP", () => gateway.Output);
        Assert.Equal(("1.1", "n1@host", "raised"), (Text(alarm, "version"), Text(alarm, "host"), Text(alarm, "_event")));
        var line = receiver.Output.Split('\n').Single(l => l.Contains(id, StringComparison.Ordinal));
        Assert.Contains("\"transport\":\"http\",\"encoding\":\"gzip\",\"type\":\"application/json\"", line, StringComparison.Ordinal);
    }

    private static async Task<GatewayProcess> StartGatewayAsync(string yaml) =>
        await GatewayProcess.StartAsync(yaml, environment: new Dictionary<string, string?> { ["GATEWAY__GATEWAY__APITOKEN"] = Token });

    private static async Task<string> RaiseAsync(GatewayProcess gateway, string type, string resource)
    {
        var body = JsonSerializer.Serialize(new { action = "raise", node = "n1@host", type, resource, severity = "major", description = $"disk {resource} is 97% full" });
        using var response = await PostAsync(gateway, "/api/v1/alarms", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    internal static async Task<HttpResponseMessage> PostAsync(GatewayProcess gateway, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await gateway.Http.SendAsync(request);
    }

    internal static string? Text(JsonElement message, string field) =>
        message.TryGetProperty(field, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static string RandomText(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~";
        var random = new Random(7);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }
}
