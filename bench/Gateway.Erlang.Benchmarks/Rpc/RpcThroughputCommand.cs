using System.Diagnostics;
using System.Globalization;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Benchmarks.Rpc;

/// <summary>
/// Console mode: RPC round trips per second from LocalNode to one local OTP node, sequential and with
/// N concurrent callers, next to an Erlang hidden node running the same loops against the same target;
/// with the CPU each caller and the target spend per call (steadier than rates on a shared machine).
/// Usage: <c>rpc [--calls 20000] [--concurrency 1,4,16,64] [--repeat 3]</c>; each figure is the
/// median of the repeats.
/// </summary>
public static class RpcThroughputCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = 20_000;
        var repeat = 3;
        int[] concurrency = [1, 4, 16, 64];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--calls":
                    calls = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--repeat":
                    repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--concurrency":
                    concurrency = [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Unknown option {args[i]}");
                    return 2;
            }
        }

        await using var peers = await BenchPeers.StartAsync();
        var runs = new List<RpcResult>();
        for (var r = 0; r < repeat; r++)
        {
            foreach (var transport in new[] { RpcTransport.Spawn, RpcTransport.Rex })
            {
                runs.AddRange(await MeasureOursAsync(peers, transport, calls, concurrency));
            }

            runs.AddRange(await ErlangRpcBaseline.RunAsync(peers, calls, concurrency));
        }

        Console.WriteLine();
        Console.WriteLine($"{calls} calls of erlang:node/0 per figure, median of {repeat} runs");
        Console.WriteLine();
        Console.WriteLine("| caller | path | concurrent callers | calls/s | caller CPU µs/call | target CPU µs/call |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var group in runs.GroupBy(x => (x.Caller, x.Path, x.Concurrency)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Caller} | {group.Key.Path} | {group.Key.Concurrency} | {Median(group, x => x.CallsPerSecond):F0} | {Median(group, x => x.CallerCpuMicros):F1} | {Median(group, x => x.TargetCpuMicros):F1} |"));
        }

        return 0;
    }

    /// <summary>Runs <paramref name="calls"/> erlang:node/0 calls spread over <paramref name="callers"/> sequential callers.</summary>
    public static async Task<int> RunCallersAsync(LocalNode local, string target, int calls, int callers)
    {
        var perCaller = calls / callers;
        var expected = ErlangAtom.Of(target);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                var reply = await local.RpcAsync(expected, "erlang", "node", [], Timeout);
                if (!reply.Equals(expected))
                {
                    throw new InvalidOperationException($"Unexpected reply {reply}");
                }
            }
        }));
        return perCaller * callers;
    }

    private static async Task<List<RpcResult>> MeasureOursAsync(BenchPeers peers, RpcTransport transport, int calls, int[] concurrency)
    {
        var results = new List<RpcResult>();
        await using var local = new LocalNode(new LocalNodeOptions
        {
            NodeName = "gwbench" + Guid.NewGuid().ToString("N")[..8] + "@localhost",
            Cookie = BenchPeers.Cookie,
            EpmdPort = peers.EpmdPort,
            RpcTransport = transport,
        });
        await RunCallersAsync(local, peers.TargetNode, 2000, 8);
        var self = Process.GetCurrentProcess();
        foreach (var c in concurrency)
        {
            var targetCpu0 = await TargetCpuMillisAsync(local, peers.TargetNode);
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var done = await RunCallersAsync(local, peers.TargetNode, calls, c);
            var elapsed = clock.Elapsed;
            self.Refresh();
            var cpu = self.TotalProcessorTime - cpu0;
            var targetCpu = await TargetCpuMillisAsync(local, peers.TargetNode) - targetCpu0;
            var result = new RpcResult(
                "LocalNode.RpcAsync", transport == RpcTransport.Spawn ? "spawn (erpc)" : "rex", c,
                done / elapsed.TotalSeconds, cpu.TotalMicroseconds / done, targetCpu * 1000.0 / done);
            results.Add(result);
            Console.WriteLine(result);
        }

        return results;
    }

    private static async Task<long> TargetCpuMillisAsync(LocalNode local, string target)
    {
        var runtime = (ErlangTuple)await local.RpcAsync(target, "erlang", "statistics", [ErlangAtom.Of("runtime")], Timeout);
        return runtime[0].TryGetLong(out var ms) ? ms : 0;
    }

    private static double Median(IEnumerable<RpcResult> results, Func<RpcResult, double> value)
    {
        var sorted = results.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
