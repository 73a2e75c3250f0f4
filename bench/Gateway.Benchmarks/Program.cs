using BenchmarkDotNet.Running;

namespace Gateway.Benchmarks;

public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        // Not a BenchmarkDotNet run: end to end against a broker (bench/Gateway.Benchmarks/Kafka/kafka-bench.sh).
        if (args is ["kafka", ..])
        {
            Kafka.KafkaBench.RunAsync(args[1..]).GetAwaiter().GetResult();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
