using BenchmarkDotNet.Running;
using Gateway.Erlang.Benchmarks.Rpc;

namespace Gateway.Erlang.Benchmarks;

public static class BenchmarkProgram
{
    /// <summary>
    /// <c>rpc [options]</c> runs the side-by-side RPC throughput comparison with an Erlang hidden node;
    /// anything else goes to BenchmarkDotNet.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "rpc")
        {
            return await RpcThroughputCommand.RunAsync(args[1..]);
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
