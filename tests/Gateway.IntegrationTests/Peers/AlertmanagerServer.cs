using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.IntegrationTests.Peers;

/// <summary>
/// The Debian <c>prometheus-alertmanager</c> binary on a free loopback port with its own storage folder,
/// standalone (no cluster: <c>--cluster.listen-address=</c>), every alert routed to a receiver that sends
/// nothing. Two of them make an HA pair the way a gateway sees it: two URLs, each told every alert.
/// </summary>
public sealed class AlertmanagerServer : IAsyncDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _dir;

    private AlertmanagerServer(ManagedProcess process, int port, string dir)
    {
        _process = process;
        _dir = dir;
        Url = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public string Output => _process.Output;

    /// <param name="resolveTimeout">Its <c>global.resolve_timeout</c>: how long an alert without <c>endsAt</c> stays firing after its last post.</param>
    public static async Task<AlertmanagerServer> StartAsync(TimeSpan resolveTimeout)
    {
        var binary = PeerBinaries.Require("prometheus-alertmanager", "prometheus-alertmanager");
        var dir = Directory.CreateTempSubdirectory("gateway-am-").FullName;
        var config = Path.Combine(dir, "am.yml");
        await File.WriteAllTextAsync(config,
            $"global: {{ resolve_timeout: {(int)resolveTimeout.TotalSeconds}s }}\n" +
            "route: { receiver: blackhole, group_wait: 0s, group_interval: 1s, repeat_interval: 1h }\n" +
            "receivers: [ { name: blackhole } ]\n");
        var port = FreePort.Next();
        var process = ManagedProcess.Start(binary,
        [
            $"--config.file={config}",
            $"--storage.path={Path.Combine(dir, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",
        ]);
        var server = new AlertmanagerServer(process, port, dir);
        try
        {
            await Poll.UntilAsync(
                async () => !process.HasExited && (await server.Http.GetAsync("/-/ready")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(30), "alertmanager to become ready", () => process.Output);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>The alerts it holds as active (resolved ones are left out by its API), optionally filtered by a label matcher such as <c>alertname="disk_full"</c>.</summary>
    public async Task<JsonElement[]> AlertsAsync(string? matcher = null)
    {
        var path = matcher is null ? "/api/v2/alerts" : "/api/v2/alerts?filter=" + Uri.EscapeDataString(matcher);
        return await Http.GetFromJsonAsync<JsonElement[]>(path) ?? [];
    }

    public static Dictionary<string, string> Labels(JsonElement alert) =>
        alert.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

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
