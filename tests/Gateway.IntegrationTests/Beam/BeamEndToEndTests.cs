using System.Text.Json;
using Gateway.IntegrationTests.Peers;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.IntegrationTests.Beam;

/// <summary>
/// The real gateway process watching a real OTP node as a hidden Erlang node: the node's VM metrics
/// under prometheus.erl's names with instance = the node, its facts in /api/v1/nodes, and the
/// embedded default finding it through the local EPMD.
/// </summary>
/// <remarks>
/// The first collection compiles the agent on the node, which took over a second on a loaded
/// machine: every collection here gets a 10 s timeout (15 s for the embedded default), and facts are
/// read from the same answer that showed the node up, never from a later read that a failed
/// collection could have changed.
/// </remarks>
public sealed class BeamEndToEndTests : IAsyncLifetime
{
    private EpmdProcess? _epmd;
    private ErlangNode? _node;

    private EpmdProcess Epmd => _epmd!;

    private ErlangNode Node => _node!;

    public async Task InitializeAsync()
    {
        _epmd = await EpmdProcess.StartAsync();
        _node = await ErlangNode.StartAsync(_epmd);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
        if (_epmd is not null)
        {
            await _epmd.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_configured_node_is_collected_with_prometheus_erl_names()
    {
        await using var gateway = await GatewayProcess.StartAsync($$"""
            collect:
              interval: 10s
              timeout: 10s
              beam:
                cookie: {{Node.Cookie}}
                nodes: [ {{Node.Name}} ]
                epmdPort: {{Epmd.Port}}
            """);

        var metrics = await Poll.UntilAsync(async () =>
            {
                var text = await gateway.MetricsAsync();
                return text.Contains($"erlang_vm_process_count{{instance=\"{Node.Name}\"", StringComparison.Ordinal) ? text : null;
            },
            TimeSpan.FromSeconds(120), "the node's VM metrics on /metrics", () => gateway.Output);

        var lines = metrics.Split('\n');
        Assert.Contains("# TYPE erlang_vm_memory_bytes_total gauge", lines);
        Assert.Contains(lines, l => l.StartsWith("erlang_vm_memory_bytes_total{", StringComparison.Ordinal)
            && l.Contains($"instance=\"{Node.Name}\"", StringComparison.Ordinal) && l.Contains("kind=\"processes\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("gateway_node_up{", StringComparison.Ordinal)
            && l.Contains($"instance=\"{Node.Name}\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.DoesNotContain(Node.Cookie, gateway.Output, StringComparison.Ordinal);

        var nodes = await Poll.UntilAsync(async () =>
            {
                var all = await gateway.NodesAsync();
                return all.Any(n => n.GetProperty("node").GetString() == Node.Name && n.GetProperty("up").GetBoolean()) ? all : null;
            },
            TimeSpan.FromSeconds(120), "the node up in /api/v1/nodes", () => gateway.Output);
        var node = nodes.Single(n => n.GetProperty("node").GetString() == Node.Name);
        Assert.Equal("beam", node.GetProperty("source").GetString());
        Assert.Equal("25", node.GetProperty("info").GetProperty("otp_release").GetString());
        Assert.StartsWith("loaded", node.GetProperty("info").GetProperty("agent").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_default_discovers_the_nodes_of_the_local_epmd()
    {
        var dir = Directory.CreateTempSubdirectory("gateway-default-beam-").FullName;
        var port = Peers.FreePort.Next();
        await using var process = ManagedProcess.Start("dotnet", [GatewayProcess.GatewayDll],
            new Dictionary<string, string?>
            {
                ["GATEWAY__GATEWAY__LISTEN"] = $"127.0.0.1:{port}",
                ["GATEWAY_BEAM_COOKIE"] = Node.Cookie,
                ["ERL_EPMD_PORT"] = Epmd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["GATEWAY__COLLECT__TIMEOUT"] = "15s", // the agent compile must not race the default 5 s
            },
            dir);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await Poll.UntilAsync(async () =>
            {
                var nodes = JsonSerializer.Deserialize<JsonElement[]>(await http.GetStringAsync("/api/v1/nodes"))!;
                return nodes.Any(n => n.GetProperty("node").GetString() == Node.Name && n.GetProperty("up").GetBoolean());
            },
            TimeSpan.FromSeconds(120), "the embedded default to collect the local node", () => process.Output);
        Assert.Contains("every node registered with EPMD on localhost", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agent_is_removed_and_restored_through_the_api_with_the_token_only()
    {
        const string token = "agent-api-token-0123456789";
        await using var gateway = await GatewayProcess.StartAsync($$"""
            gateway:
              apiToken: {{token}}
            collect:
              interval: 10s
              timeout: 10s
              beam:
                cookie: {{Node.Cookie}}
                nodes: [ {{Node.Name}} ]
                epmdPort: {{Epmd.Port}}
            """);
        await WaitForAgentAsync(gateway, "loaded v");
        var path = $"/api/v1/nodes/{Node.Name}/agent";

        using (var anonymous = await SendAsync(gateway, HttpMethod.Delete, path, token: null))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using (var unknown = await SendAsync(gateway, HttpMethod.Delete, "/api/v1/nodes/nosuch@nowhere/agent", token))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Contains("is not a watched BEAM node", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await WaitForAgentAsync(gateway, "loaded v");

        using (var removed = await SendAsync(gateway, HttpMethod.Delete, path, token))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, removed.StatusCode);
            Assert.Contains("removed: handlers dropped, module purged and deleted", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await WaitForAgentAsync(gateway, "removed on request");
        var workDir = gateway.WorkDir;
        var config = await File.ReadAllTextAsync(Path.Combine(workDir, "gateway.yaml"));
        await gateway.DisposeAsync(); // killed: the removal was written when it was asked for

        // The removal outlives a restart (dataDir/beam-agent-removed.json).
        await using var restarted = await GatewayProcess.StartAsync(config, workDir);
        await WaitForAgentAsync(restarted, "removed on request");

        using (var restored = await SendAsync(restarted, HttpMethod.Put, path, token))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, restored.StatusCode);
        }
        await WaitForAgentAsync(restarted, "loaded v");
        Assert.DoesNotContain(token, restarted.Output, StringComparison.Ordinal);
    }

    private async Task WaitForAgentAsync(GatewayProcess gateway, string prefix) =>
        await Poll.UntilAsync(async () =>
            {
                var nodes = JsonSerializer.Deserialize<JsonElement[]>(await gateway.Http.GetStringAsync("/api/v1/nodes"))!;
                return nodes.Any(n => n.GetProperty("node").GetString() == Node.Name
                    && n.GetProperty("up").GetBoolean()
                    && n.GetProperty("info").TryGetProperty("agent", out var agent)
                    && agent.GetString()!.StartsWith(prefix, StringComparison.Ordinal));
            },
            TimeSpan.FromSeconds(120), $"the node's agent state to start with \"{prefix}\"", () => gateway.Output);

    private static async Task<HttpResponseMessage> SendAsync(GatewayProcess gateway, HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return await gateway.Http.SendAsync(request);
    }
}
