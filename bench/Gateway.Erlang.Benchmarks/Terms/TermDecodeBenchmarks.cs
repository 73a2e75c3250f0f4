using BenchmarkDotNet.Attributes;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Benchmarks.Terms;

[MemoryDiagnoser]
[Config(typeof(TermBenchmarkConfig))]
public class TermDecodeBenchmarks
{
    private byte[] data = [];

    [ParamsSource(nameof(Payloads))]
    public string Payload { get; set; } = TermPayloads.Memory;

    public static IEnumerable<string> Payloads => TermPayloads.All;

    [GlobalSetup]
    public void Setup() => data = TermPayloads.Bytes(Payload);

    [Benchmark]
    public ErlangTerm Decode() => TermDecoder.Decode(data);
}
