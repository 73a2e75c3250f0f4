using BenchmarkDotNet.Attributes;
using Gateway.Collector.Beam;
using Gateway.Core.Rules.Beam;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Erlang.Terms;

namespace Gateway.Benchmarks.BeamRules;

/// <summary>
/// Cost of the built-in BEAM alarm rules per node per cycle: one node's snapshot mapped from a real
/// OTP 25 <c>gateway_agent:collect/1</c> reply (bench/LoadSimulator/replies.etf), evaluated against
/// its group of 10 peers. Times 10,000 gives the cost of a cycle of 10,000 nodes.
/// </summary>
[MemoryDiagnoser]
public class BeamAlarmEvaluationBenchmarks
{
    private BeamAlarmEvaluator _evaluator = null!;
    private NodeSnapshot _snapshot = null!;
    private NodeSnapshot[] _peers = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(RepositoryRoot(), "bench", "LoadSimulator", "replies.etf");
        var all = (ErlangMap)TermDecoder.Decode(File.ReadAllBytes(path));
        var families = new BeamMetricMapper().Map(all["collect"], BeamMetricNaming.PrometheusErlV4);
        var group = LabelSet.Create(new Label("group", "bench"));
        _snapshot = new NodeSnapshot(new NodeKey("beam", "n0@bench"), DateTimeOffset.UnixEpoch, families, group);
        _peers = Enumerable.Range(1, 10)
            .Select(i => new NodeSnapshot(new NodeKey("beam", $"n{i}@bench"), DateTimeOffset.UnixEpoch, families, group))
            .ToArray();
        _evaluator = new BeamAlarmEvaluator(new BeamAlarmOptions());
    }

    [Benchmark(Description = "built-in BEAM rules, one node with 10 group peers")]
    public int EvaluateNode() => _evaluator.Evaluate(_snapshot, _peers).Count;

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
