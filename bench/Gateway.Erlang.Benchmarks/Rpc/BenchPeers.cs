using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Erlang.Epmd;

namespace Gateway.Erlang.Benchmarks.Rpc;

/// <summary>
/// A private epmd on a free port and one target OTP node, started for the RPC benchmarks and killed
/// on dispose. (The test fixtures do the same; benchmarks cannot reference the test project.)
/// </summary>
public sealed class BenchPeers : IAsyncDisposable
{
    public const string Cookie = "benchcookie";

    private readonly List<Process> processes = [];

    public int EpmdPort { get; private set; }

    public string TargetNode { get; } = "target" + Guid.NewGuid().ToString("N")[..8] + "@localhost";

    public static async Task<BenchPeers> StartAsync()
    {
        var peers = new BenchPeers();
        try
        {
            peers.EpmdPort = FreePort();
            peers.Start("epmd", ["-port", peers.EpmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1"], null);
            await peers.WaitAsync(async c => (await c.NamesAsync()) is not null);
            var alive = peers.TargetNode[..peers.TargetNode.IndexOf('@', StringComparison.Ordinal)];
            peers.Start("erl", ["-sname", peers.TargetNode, "-setcookie", Cookie, "-noinput", "-kernel", "inet_dist_use_interface", "{127,0,0,1}"], null);
            await peers.WaitAsync(async c => (await c.LookupAsync(alive)) is not null);
            return peers;
        }
        catch
        {
            await peers.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="script"/> (Erlang expressions) on a fresh hidden node and returns what it printed.</summary>
    public async Task<string> RunHiddenNodeAsync(string script)
    {
        var output = new StringBuilder();
        var process = Start("erl", ["-hidden", "-sname", "bench" + Guid.NewGuid().ToString("N")[..8] + "@localhost", "-setcookie", Cookie, "-noinput",
            "-kernel", "inet_dist_use_interface", "{127,0,0,1}", "-eval", script], output);
        await process.WaitForExitAsync();
        lock (output)
        {
            return output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(processes))
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Start(string file, string[] args, StringBuilder? output)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment["ERL_EPMD_PORT"] = EpmdPort.ToString(CultureInfo.InvariantCulture);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {file} (install Debian package erlang-base).");
        void Append(object? sender, DataReceivedEventArgs e)
        {
            if (output is not null && e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
        return process;
    }

    private async Task WaitAsync(Func<EpmdClient, Task<bool>> ready)
    {
        var client = new EpmdClient("127.0.0.1", EpmdPort);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await ready(client))
                {
                    return;
                }
            }
            catch (EpmdException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The benchmark peers did not start within 30 s.");
            }

            await Task.Delay(25);
        }
    }
}
