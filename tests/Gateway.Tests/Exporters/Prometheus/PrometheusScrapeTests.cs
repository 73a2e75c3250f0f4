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
/// <remarks>
/// Every query runs at one settled scrape time (<see cref="SettledAsync"/>): queries at "now" could
/// each see a different scrape, and a scrape that timed out on a busy machine leaves <c>up 0</c> and
/// staleness markers behind.
/// </remarks>
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
            var (at, processes) = await SettledAsync(client, "erlang_vm_process_count{job=\"beam\"}", r => r.GetArrayLength() > 0);
            Assert.Equal("n1@host", processes[0].GetProperty("metric").GetProperty("instance").GetString());
            Assert.Equal("42", processes[0].GetProperty("value")[1].GetString());

            var up = await QueryAsync(client, "up{job=\"gateway\"}", at);
            Assert.Equal("1", up[0].GetProperty("value")[1].GetString());

            var state = await QueryAsync(client, "rabbitmq_state{rabbitmq_state=\"running\"}", at);
            Assert.Equal("prod", state[0].GetProperty("metric").GetProperty("env").GetString());
            Assert.Equal("127.0.0.1:15692", state[0].GetProperty("metric").GetProperty("instance").GetString());

            var info = await QueryAsync(client, "rabbitmq_build_info", at);
            Assert.Equal("3.12", info[0].GetProperty("metric").GetProperty("version").GetString());

            var nodeUp = await QueryAsync(client, "gateway_node_up == 0", at);
            Assert.Equal(["n2@host", "n3@host"], nodeUp.EnumerateArray().Select(e => e.GetProperty("metric").GetProperty("instance").GetString()).Order());

            // The metadata proves the OpenMetrics parser read it: 0.0.4 has no stateset type.
            using (var metadata = await client.GetAsync(new Uri("/api/v1/metadata?metric=rabbitmq_state", UriKind.Relative)))
            {
                using var json = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync());
                Assert.Equal("stateset", json.RootElement.GetProperty("data").GetProperty("rabbitmq_state")[0].GetProperty("type").GetString());
            }

            var own = await QueryAsync(client, "process_resident_memory_bytes{job=\"gateway\"}", at);
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

    /// <summary>
    /// Polls (first samples appear ~5 s after start; a 60 s hang guard) for a time at which
    /// <paramref name="query"/> satisfies <paramref name="done"/>: the time of the latest stored scrape
    /// of the gateway. Prometheus stores a target's scrapes one after another, so nothing stored later
    /// carries an earlier time and every query at that time answers the same from then on.
    /// </summary>
    private static async Task<(string At, JsonElement Result)> SettledAsync(HttpClient client, string query, Func<JsonElement, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        JsonElement result = default;
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                var scrape = await QueryAsync(client, "timestamp(up{job=\"gateway\"})", at: null);
                if (scrape.GetArrayLength() == 1)
                {
                    var at = scrape[0].GetProperty("value")[1].GetString()!;
                    result = await QueryAsync(client, query, at);
                    if (done(result))
                    {
                        return (at, result);
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
        return (string.Empty, result);
    }

    private static async Task<JsonElement> QueryAsync(HttpClient client, string query, string? at)
    {
        var time = at is null ? string.Empty : "&time=" + Uri.EscapeDataString(at);
        using var response = await client.GetAsync(new Uri("/api/v1/query?query=" + Uri.EscapeDataString(query) + time, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"query {query}: HTTP {(int)response.StatusCode}");
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
