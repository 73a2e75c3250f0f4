using BenchmarkDotNet.Attributes;
using Gateway.Core.Alarms;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Rules;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks.Alarms;

/// <summary>
/// One evaluation cycle of 10 threshold rules over 10,000 nodes, each with a 300-series snapshot
/// (30 families × 10 label sets), including the report to the AlarmManager. Reported per node.
/// <see cref="AlarmsPerNode"/> = 0: steady state with nothing alarming; 2: every node has two active
/// alarms that stay raised (description rendering, id hashing, no events).
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private const int Nodes = 10_000;
    private string _dir = string.Empty;
    private AlarmManager _alarms = null!;
    private RuleEngine _engine = null!;
    private NodeSnapshot[] _snapshots = [];

    [Params(0, 2)]
    public int AlarmsPerNode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "gateway-bench-rules-" + Guid.NewGuid().ToString("N"));
        _alarms = new AlarmManager(AlarmManager.PathFor(_dir), new NullRouter(), new AlarmsOptions(), TimeProvider.System, NullLogger<AlarmManager>.Instance);
        var rules = new List<ThresholdRuleOptions>();
        for (var r = 0; r < 10; r++)
        {
            rules.Add(new ThresholdRuleOptions
            {
                Name = $"rule_{r}",
                Metric = $"metric_{r * 3}",
                // Half the rules select by label, like real rules on erlang_vm_memory_bytes_total{kind=…}.
                Labels = r % 2 == 0 ? new Dictionary<string, string> { ["kind"] = r % 4 == 0 ? "=~k[0-4]" : "k1" } : [],
                Raise = new RaiseOptions { Above = 1000, Severity = "major", Levels = [new LevelOptions { Above = 5000, Severity = "critical" }] },
                Cease = new CeaseOptions { Below = 500 },
            });
        }
        _engine = new RuleEngine(RuleEngine.Compile(rules), _alarms, TimeProvider.System);

        var interner = new LabelSetInterner();
        var families = new MetricFamily[30];
        for (var f = 0; f < families.Length; f++)
        {
            var samples = new Sample[10];
            for (var s = 0; s < samples.Length; s++)
            {
                var labels = interner.Intern(LabelSet.Create(new[] { new Label("kind", "k" + s) }.AsEnumerable()));
                // rule_0 (metric_0, kind=~k[0-4]) and rule_1 (metric_3, every series) see values over
                // the threshold on k0 only when alarms are wanted.
                var value = AlarmsPerNode > 0 && s == 0 && (f == 0 || f == 3) ? 2000 : 10;
                samples[s] = new Sample($"metric_{f}", labels, value);
            }
            families[f] = new MetricFamily($"metric_{f}", MetricType.Gauge, string.Empty, samples);
        }
        _snapshots = new NodeSnapshot[Nodes];
        for (var n = 0; n < Nodes; n++)
        {
            _snapshots[n] = new NodeSnapshot(new NodeKey("beam", $"node{n}@host"), DateTimeOffset.UnixEpoch, families, LabelSet.Empty);
        }
        // The first cycle raises the alarms (when wanted); measured cycles are steady state.
        Cycle().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _alarms.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Nodes, Description = "10 rules × 300 series, per node")]
    public Task EvaluateAllNodes() => Cycle();

    private async Task Cycle()
    {
        foreach (var snapshot in _snapshots)
        {
            await _engine.EvaluateAsync(snapshot);
        }
    }
}
