using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.IntegrationTests.Peers;

/// <summary>The Debian <c>prometheus</c> binary on a free loopback port with its own TSDB folder.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _dir;

    private PrometheusServer(ManagedProcess process, int port, string dir)
    {
        _process = process;
        _dir = dir;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public string Output => _process.Output;

    public static async Task<PrometheusServer> StartAsync(string scrapeConfigsYaml)
    {
        var binary = PeerBinaries.Require("prometheus", "prometheus");
        var dir = Directory.CreateTempSubdirectory("gateway-prom-").FullName;
        var config = Path.Combine(dir, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n" + scrapeConfigsYaml);
        var port = FreePort.Next();
        var process = ManagedProcess.Start(binary,
        [
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(dir, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        ]);
        var server = new PrometheusServer(process, port, dir);
        try
        {
            await Poll.UntilAsync(
                async () => !process.HasExited && (await server.Http.GetAsync("/-/ready")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(30), "prometheus to become ready", () => process.Output);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Runs an instant query, now or at <paramref name="at"/> (a time as the query API writes it); returns the result vector.</summary>
    public async Task<JsonElement[]> QueryAsync(string promql, string? at = null)
    {
        List<KeyValuePair<string, string>> form = [new("query", promql)];
        if (at is not null)
        {
            form.Add(new("time", at));
        }
        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync("/api/v1/query", content);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("data").GetProperty("result").EnumerateArray().ToArray();
    }

    /// <summary>
    /// The time of the latest stored scrape of <paramref name="job"/> (one target), or null before the
    /// first. Prometheus scrapes a target one scrape after another and stores a scrape's samples, its
    /// <c>up</c> and any staleness markers at once, so nothing stored later can carry an earlier time:
    /// instant queries at this time answer the same however slow the machine is, where queries at
    /// "now" could each see a different scrape (or the staleness markers of one that timed out).
    /// </summary>
    public async Task<string?> SettledTimeAsync(string job)
    {
        var result = await QueryAsync($"timestamp(up{{job=\"{job}\"}})");
        return result.Length == 1 ? result[0].GetProperty("value")[1].GetString() : null;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in /tmp; harmless.
        }
    }
}
