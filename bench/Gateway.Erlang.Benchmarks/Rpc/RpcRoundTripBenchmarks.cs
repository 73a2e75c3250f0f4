using BenchmarkDotNet.Attributes;
using Gateway.Erlang.Node;

namespace Gateway.Erlang.Benchmarks.Rpc;

/// <summary>
/// BenchmarkDotNet view of the same measurement: time per RPC round trip (erlang:node/0 through rex)
/// to a local OTP node, with 1 and 16 concurrent callers. The side-by-side comparison with an Erlang
/// caller is the console mode (<see cref="RpcThroughputCommand"/>).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class RpcRoundTripBenchmarks
{
    private const int CallsPerInvoke = 1000;

    private BenchPeers peers = null!;
    private LocalNode local = null!;

    [Params(1, 16)]
    public int Callers { get; set; }

    [Params(RpcTransport.Spawn, RpcTransport.Rex)]
    public RpcTransport Transport { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        peers = await BenchPeers.StartAsync();
        local = new LocalNode(new LocalNodeOptions
        {
            NodeName = "gwbench" + Guid.NewGuid().ToString("N")[..8] + "@localhost",
            Cookie = BenchPeers.Cookie,
            EpmdPort = peers.EpmdPort,
            RpcTransport = Transport,
        });
        await RpcThroughputCommand.RunCallersAsync(local, peers.TargetNode, 1000, 4);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await local.DisposeAsync();
        await peers.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public Task<int> RpcRoundTrip() => RpcThroughputCommand.RunCallersAsync(local, peers.TargetNode, CallsPerInvoke, Callers);
}
