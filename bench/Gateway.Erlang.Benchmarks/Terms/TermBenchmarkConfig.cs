using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Gateway.Erlang.Benchmarks.Terms;

internal sealed class TermBenchmarkConfig : ManualConfig
{
    public TermBenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn("MB/s", "MB (10^6 bytes of external format)", p => TermPayloads.Bytes(p).Length / 1e6));
        AddColumn(new ThroughputColumn("Mterms/s", "million terms", p => TermPayloads.TermCount(p) / 1e6));
    }
}
