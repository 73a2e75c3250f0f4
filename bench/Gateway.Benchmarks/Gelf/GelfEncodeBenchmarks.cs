using BenchmarkDotNet.Attributes;
using Gateway.Core.Events;
using Gateway.Exporters.Gelf;

namespace Gateway.Benchmarks.Gelf;

/// <summary>
/// The pure GELF path per event: map a gateway event to a GELF message and encode it as JSON, then
/// compress it as UDP would (gzip, zlib). Messages/s per core = 1e9 / (ns per op).
/// </summary>
[MemoryDiagnoser]
public class GelfEncodeBenchmarks
{
    private GatewayEvent _event = null!;
    private GelfCompression _compression;

    [Params("alarm", "notification")]
    public string Event { get; set; } = "alarm";

    [Params("none", "gzip", "zlib")]
    public string Compression { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        _event = GelfBenchEvents.Create(Event);
        _compression = GelfCompressor.TryParse(Compression, out var c) ? c : throw new ArgumentException(Compression);
    }

    [Benchmark]
    public int MapEncodeCompress()
    {
        var json = GelfJsonEncoder.Encode(GelfEventMapper.Map(_event));
        return GelfCompressor.Compress(json, _compression).Length;
    }
}
