using BenchmarkDotNet.Attributes;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Exporters.Prometheus;
using Gateway.Exposition;

namespace Gateway.Benchmarks.Rendering;

/// <summary>
/// <c>/metrics</c> with no node changed since the previous scrape (scrapes more frequent than
/// collections): every series is encoded while it is written to a null stream; nothing is cached
/// between scrapes but the node order and each node's label prefix.
/// </summary>
[MemoryDiagnoser]
public class RenderingWarmBenchmarks
{
    private MetricStore _store = null!;
    private PrometheusRenderer _renderer = null!;
    private NodeSnapshot[] _snapshots = [];

    /// <summary>nodes x series per node.</summary>
    [Params("1000x100", "1000x1000", "10000x100")]
    public string Shape { get; set; } = "1000x100";

    [Params(ExpositionFormat.PrometheusText, ExpositionFormat.OpenMetrics)]
    public ExpositionFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (nodes, series) = RenderingShape.Parse(Shape);
        _store = RenderingShape.Build(nodes, series, out _snapshots);
        _renderer = new PrometheusRenderer(_store, new PrometheusExporterOptions { GatewayInstance = "bench", IncludeGatewayMetrics = false });
        _renderer.RenderAsync(Stream.Null, Format).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task Render() => _renderer.RenderAsync(Stream.Null, Format);
}
