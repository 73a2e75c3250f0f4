using BenchmarkDotNet.Attributes;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Exporters.Prometheus;
using Gateway.Exposition;

namespace Gateway.Benchmarks.Rendering;

/// <summary>
/// <c>/metrics</c> right after every node's snapshot was replaced (all nodes collected since the last
/// scrape, the usual case when Prometheus scrapes at the collection interval): the store's node order
/// is sorted again, then every series is encoded while it is written to a null stream.
/// [IterationSetup] makes BenchmarkDotNet run one render per iteration.
/// </summary>
[MemoryDiagnoser]
public class RenderingColdBenchmarks
{
    private MetricStore _store = null!;
    private PrometheusRenderer _renderer = null!;
    private NodeSnapshot[] _snapshots = [];

    /// <summary>nodes x series per node.</summary>
    [Params("1000x100", "1000x1000", "10000x100")]
    public string Shape { get; set; } = "1000x100";

    [GlobalSetup]
    public void Setup()
    {
        var (nodes, series) = RenderingShape.Parse(Shape);
        _store = RenderingShape.Build(nodes, series, out _snapshots);
        _renderer = new PrometheusRenderer(_store, new PrometheusExporterOptions { GatewayInstance = "bench", IncludeGatewayMetrics = false });
    }

    [IterationSetup]
    public void ReplaceSnapshots() => RenderingShape.ReplaceAll(_store, _snapshots);

    [Benchmark]
    public Task Render() => _renderer.RenderAsync(Stream.Null, ExpositionFormat.PrometheusText);
}
