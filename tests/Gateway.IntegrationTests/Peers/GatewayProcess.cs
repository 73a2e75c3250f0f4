using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.IntegrationTests.Peers;

/// <summary>
/// The real gateway executable, run as a child process on a free loopback port with a config file
/// written by the test (so a test can <c>kill -9</c> it and start it again on the same data).
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly ManagedProcess _process;

    private GatewayProcess(ManagedProcess process, int port, string workDir)
    {
        _process = process;
        Port = port;
        WorkDir = workDir;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public string WorkDir { get; }

    public HttpClient Http { get; }

    public string Output => _process.Output;

    public static string GatewayDll => Path.Combine(AppContext.BaseDirectory, "gateway.dll");

    /// <summary>Starts the gateway with <paramref name="configYaml"/> (the <c>gateway.listen</c> and <c>dataDir</c> are set for you).</summary>
    public static async Task<GatewayProcess> StartAsync(string configYaml, string? workDir = null, int? port = null, IDictionary<string, string?>? environment = null)
    {
        workDir ??= Directory.CreateTempSubdirectory("gateway-it-").FullName;
        var listenPort = port ?? FreePort.Next();
        var configPath = Path.Combine(workDir, "gateway.yaml");
        await File.WriteAllTextAsync(configPath, configYaml);
        var env = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["GATEWAY__GATEWAY__LISTEN"] = $"127.0.0.1:{listenPort}",
            ["GATEWAY__GATEWAY__DATADIR"] = Path.Combine(workDir, "data"),
        };
        var process = ManagedProcess.Start("dotnet", [GatewayDll, "run", "--config", configPath], env, workDir);
        var gateway = new GatewayProcess(process, listenPort, workDir);
        try
        {
            await Poll.UntilAsync(
                async () => !process.HasExited && (await gateway.Http.GetAsync("/readyz")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(60),
                "the gateway to become ready",
                () => process.HasExited ? $"gateway exited with {process.ExitCode}:{Environment.NewLine}{process.Output}" : process.Output);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
        return gateway;
    }

    public Task<string> MetricsAsync(string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return SendForText(request);
    }

    public async Task<JsonElement[]> NodesAsync() =>
        await Http.GetFromJsonAsync<JsonElement[]>("/api/v1/nodes") ?? [];

    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task<string> SendForText(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
