using BenchmarkDotNet.Attributes;
using Gateway.Collector.Beam;
using Gateway.Erlang.Terms;

namespace Gateway.Benchmarks.BeamMapping;

/// <summary>
/// Cost of one node's collection after the RPC: decoding a real OTP 25 <c>gateway_agent:collect/1</c>
/// reply (bench/LoadSimulator/replies.etf, 360 series after mapping) and mapping it to metric families
/// with one mapper shared by all nodes, as the BEAM source does. Times 10,000 gives a cycle of 10,000 nodes.
/// </summary>
[MemoryDiagnoser]
public class BeamMappingBenchmarks
{
    private readonly BeamMetricMapper _mapper = new();
    private byte[] _encoded = [];
    private ErlangTerm _reply = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(RepositoryRoot(), "bench", "LoadSimulator", "replies.etf");
        var all = (ErlangMap)TermDecoder.Decode(File.ReadAllBytes(path));
        _reply = all["collect"];
        _encoded = TermEncoder.ToBytes(_reply);
        _mapper.Map(_reply, BeamMetricNaming.PrometheusErlV4);
    }

    [Benchmark]
    public int Map() => _mapper.Map(_reply, BeamMetricNaming.PrometheusErlV4).Count;

    [Benchmark]
    public int DecodeAndMap() => _mapper.Map(TermDecoder.Decode(_encoded), BeamMetricNaming.PrometheusErlV4).Count;

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
