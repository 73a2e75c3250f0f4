using System.Text.Json;
using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Gelf;

/// <summary>
/// The independent GELF receiver (npm graygelf@2.0.0 for UDP, Node's net for TCP, Node's http for HTTP) run by
/// <c>gelf-receiver.js</c> on free loopback ports; every message it received, as parsed JSON. A missing
/// <c>node</c> or graygelf fails with what to install.
/// </summary>
public sealed class GelfReceiver : IAsyncDisposable
{
    private const string GraygelfPackage = "graygelf@2.0.0";

    private readonly ManagedProcess _process;
    private GelfReceiver(ManagedProcess process, int udpPort, int tcpPort, int httpPort)
    {
        _process = process;
        UdpPort = udpPort;
        TcpPort = tcpPort;
        HttpPort = httpPort;
    }

    public int UdpPort { get; }

    public int TcpPort { get; }

    public int HttpPort { get; }

    public string Output => _process.Output;

    public static async Task<GelfReceiver> StartAsync(int? udpPort = null, int? tcpPort = null)
    {
        var node = PeerBinaries.Require("node", "nodejs");
        var modules = Path.Combine(TestMibs.RepoRoot, ".testpeers", "node_modules");
        if (!File.Exists(Path.Combine(modules, "graygelf", "server.js")))
        {
            throw new InvalidOperationException(
                $"the npm package {GraygelfPackage} is not installed in {modules}: run ./test.sh, or npm install --prefix .testpeers --omit=optional {GraygelfPackage}");
        }
        var script = Path.Combine(TestMibs.RepoRoot, "tests", "Gateway.IntegrationTests", "Gelf", "gelf-receiver.js");
        var udp = udpPort ?? FreeUdpPort.Next();
        var tcp = tcpPort ?? FreePort.Next();
        var web = FreePort.Next();
        var process = ManagedProcess.Start(node, [script, modules, .. new[] { udp, tcp, web }.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var receiver = new GelfReceiver(process, udp, tcp, web);
        try
        {
            await Poll.UntilAsync(
                () => Task.FromResult(process.HasExited ? throw new InvalidOperationException("gelf-receiver.js exited: " + process.Output) : process.Output.Contains("{\"ready\":true}", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(60),
                "the GELF receiver to listen",
                () => process.Output);
        }
        catch
        {
            await receiver.DisposeAsync();
            throw;
        }
        return receiver;
    }

    /// <summary>Every message received so far, with the transport it came by.</summary>
    public IReadOnlyList<(string Transport, JsonElement Message)> Messages()
    {
        var messages = new List<(string, JsonElement)>();
        foreach (var line in Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("{\"transport\"", StringComparison.Ordinal))
            {
                continue;
            }
            var root = JsonDocument.Parse(line).RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                throw new InvalidDataException("the GELF receiver could not read a message: " + error.GetString());
            }
            messages.Add((root.GetProperty("transport").GetString()!, root.GetProperty("message").Clone()));
        }
        return messages;
    }

    /// <summary>Waits until a message matches <paramref name="match"/>, and returns it.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, string what, Func<string>? diagnostics = null)
    {
        var found = await Poll.UntilAsync(
            () => Task.FromResult<object?>(Messages().Select(m => (JsonElement?)m.Message).FirstOrDefault(m => match(m!.Value))),
            TimeSpan.FromSeconds(120),
            what,
            () => "receiver:\n" + Output + (diagnostics is null ? string.Empty : "\n" + diagnostics()));
        return (JsonElement)found;
    }

    /// <summary>SIGKILL, as a crashed receiver: the kernel closes its sockets.</summary>
    public async Task StopAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
