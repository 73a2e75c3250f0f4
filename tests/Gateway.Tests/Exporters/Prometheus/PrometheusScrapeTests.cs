using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Gateway.Tests.Exporters.Prometheus;

/// <summary>
/// A real Prometheus 2.42 (Debian package <c>prometheus</c>) scrapes the exporter with
/// <c>honor_labels: true</c>. It asks for OpenMetrics first, so this checks that its OpenMetrics
/// parser accepts everything the fixture renders (info, stateset, gauge histogram, counters,
/// special values) and that each node's <c>instance</c>/<c>job</c> survive.
/// </summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_scrapes_openmetrics_and_keeps_node_labels()
    {
        var binary = File.Exists("/usr/bin/prometheus") ? "/usr/bin/prometheus" : null;
        Assert.True(binary is not null, "prometheus not found: install Debian package prometheus");
        await using var host = await ExporterHost.StartAsync(Fixture.Create(), new Dictionary<string, string?>
        {
            ["exporters:prometheus:gatewayInstance"] = "gw:9464",
        });
        var directory = Directory.CreateTempSubdirectory("gateway-prom-");
        var port = FreePort();
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $$"""
            global: { scrape_interval: 1s, scrape_timeout: 1s }
            scrape_configs:
              - job_name: gateway
                honor_labels: true
                static_configs: [ { targets: [ "{{host.Address.Authority}}" ] } ]
            """);
        var start = new ProcessStartInfo(binary!)
        {
            ArgumentList =
            {
                "--config.file=" + config,
                "--storage.tsdb.path=" + Path.Combine(directory.FullName, "data"),
                "--web.listen-address=127.0.0.1:" + port,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var prometheus = Process.Start(start)!;
        var log = prometheus.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var processes = await PollAsync(client, "erlang_vm_process_count{job=\"beam\"}", r => r.GetArrayLength() > 0);
            Assert.Equal("n1@host", processes[0].GetProperty("metric").GetProperty("instance").GetString());
            Assert.Equal("42", processes[0].GetProperty("value")[1].GetString());

            var up = await PollAsync(client, "up{job=\"gateway\"}", r => r.GetArrayLength() > 0);
            Assert.Equal("1", up[0].GetProperty("value")[1].GetString());

            var state = await PollAsync(client, "rabbitmq_state{rabbitmq_state=\"running\"}", r => r.GetArrayLength() > 0);
            Assert.Equal("prod", state[0].GetProperty("metric").GetProperty("env").GetString());
            Assert.Equal("127.0.0.1:15692", state[0].GetProperty("metric").GetProperty("instance").GetString());

            var info = await PollAsync(client, "rabbitmq_build_info", r => r.GetArrayLength() > 0);
            Assert.Equal("3.12", info[0].GetProperty("metric").GetProperty("version").GetString());

            var nodeUp = await PollAsync(client, "gateway_node_up == 0", r => r.GetArrayLength() == 2);
            Assert.Equal(["n2@host", "n3@host"], nodeUp.EnumerateArray().Select(e => e.GetProperty("metric").GetProperty("instance").GetString()).Order());

            // The metadata proves the OpenMetrics parser read it: 0.0.4 has no stateset type.
            using (var metadata = await client.GetAsync(new Uri("/api/v1/metadata?metric=rabbitmq_state", UriKind.Relative)))
            {
                using var json = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync());
                Assert.Equal("stateset", json.RootElement.GetProperty("data").GetProperty("rabbitmq_state")[0].GetProperty("type").GetString());
            }

            var own = await PollAsync(client, "process_resident_memory_bytes{job=\"gateway\"}", r => r.GetArrayLength() > 0);
            Assert.Equal("gw:9464", own[0].GetProperty("metric").GetProperty("instance").GetString());
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
            _ = await log;
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Polls the query API (first samples appear ~5 s after start) for at most 60 s.</summary>
    private static async Task<JsonElement> PollAsync(HttpClient client, string query, Func<JsonElement, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        JsonElement result = default;
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/api/v1/query?query=" + Uri.EscapeDataString(query), UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    result = json.RootElement.GetProperty("data").GetProperty("result").Clone();
                    if (done(result))
                    {
                        return result;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"query {query} did not succeed within 60 s; last result: {result}");
        return result;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
