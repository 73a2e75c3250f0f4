using System.Buffers;
using BenchmarkDotNet.Attributes;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Benchmarks.Terms;

[MemoryDiagnoser]
[Config(typeof(TermBenchmarkConfig))]
public class TermEncodeBenchmarks
{
    private readonly ArrayBufferWriter<byte> writer = new(4 * 1024 * 1024);
    private ErlangTerm term = ErlangList.Empty;

    [ParamsSource(nameof(Payloads))]
    public string Payload { get; set; } = TermPayloads.Memory;

    public static IEnumerable<string> Payloads => TermPayloads.All;

    [GlobalSetup]
    public void Setup() => term = TermDecoder.Decode(TermPayloads.Bytes(Payload));

    /// <summary>Into a reused buffer writer, as a connection's send buffer would be.</summary>
    [Benchmark(Baseline = true)]
    public int EncodeToBufferWriter()
    {
        writer.ResetWrittenCount();
        TermEncoder.Encode(term, writer);
        return writer.WrittenCount;
    }

    /// <summary>Sizes the term first, then fills one exact array.</summary>
    [Benchmark]
    public byte[] ToBytes() => TermEncoder.ToBytes(term);
}
