using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Rules;
using Gateway.Tests.Core.Alarms;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Rules;

public sealed class RuleEngineTests : IDisposable
{
    private const string RunQueue = "erlang_vm_statistics_run_queues_length_total";
    private const string Memory = "erlang_vm_memory_bytes_total";
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingRouter _router = new();
    private readonly AlarmsOptions _options = new() { MinHold = TimeSpan.Zero };
    private readonly List<AlarmManager> _managers = [];

    public void Dispose()
    {
        foreach (var manager in _managers)
        {
            manager.Dispose();
        }
        _dir.Dispose();
    }

    private AlarmManager Alarms()
    {
        var manager = new AlarmManager(AlarmManager.PathFor(_dir.Path), _router, _options, _time, NullLogger<AlarmManager>.Instance);
        _managers.Add(manager);
        return manager;
    }

    private RuleEngine Engine(AlarmManager alarms, params ThresholdRuleOptions[] rules) => new(RuleEngine.Compile(rules), alarms, _time);

    private static ThresholdRuleOptions HighRunQueue(double above = 100, double? ceaseBelow = null, TimeSpan @for = default) => new()
    {
        Name = "high_run_queue",
        Metric = RunQueue,
        Raise = new RaiseOptions { Above = above, Severity = "major", For = @for },
        Cease = ceaseBelow is null ? null : new CeaseOptions { Below = ceaseBelow },
    };

    private static NodeSnapshot Snapshot(string metric, double value, params Label[] labels) =>
        Snapshot((metric, value, labels));

    private static NodeSnapshot Snapshot(params (string Metric, double Value, Label[] Labels)[] samples) =>
        new(
            new NodeKey("beam", "n1@host"),
            DateTimeOffset.UnixEpoch,
            samples.GroupBy(s => s.Metric).Select(g => new MetricFamily(g.Key, MetricType.Gauge, string.Empty, g.Select(s => new Sample(s.Metric, LabelSet.Create(s.Labels.AsEnumerable()), s.Value)).ToArray())).ToArray(),
            LabelSet.Empty);

    private IEnumerable<(AlarmEventKind, Severity)> Events() => _router.AlarmEvents.Select(e => (e.Kind, e.Alarm.Severity));

    [Fact]
    public async Task A_value_above_the_threshold_raises_and_back_below_clears()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, HighRunQueue());

        await engine.EvaluateAsync(Snapshot(RunQueue, 50));
        await engine.EvaluateAsync(Snapshot(RunQueue, 150));
        await engine.EvaluateAsync(Snapshot(RunQueue, 100));

        Assert.Equal([(AlarmEventKind.Raised, Severity.Major), (AlarmEventKind.Cleared, Severity.Cleared)], Events());
        var raised = _router.AlarmEvents.First().Alarm;
        Assert.Equal(("n1@host", "high_run_queue", "high_run_queue", 150.0, 100.0), (raised.Node, raised.Type, raised.Resource, raised.Value!.Value, raised.Threshold!.Value));
    }

    [Fact]
    public async Task A_below_rule_raises_under_its_threshold()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, new ThresholdRuleOptions
        {
            Name = "few_schedulers",
            Metric = "erlang_vm_schedulers_online",
            Raise = new RaiseOptions { Below = 2, Severity = "warning" },
        });

        await engine.EvaluateAsync(Snapshot("erlang_vm_schedulers_online", 4));
        await engine.EvaluateAsync(Snapshot("erlang_vm_schedulers_online", 1));
        await engine.EvaluateAsync(Snapshot("erlang_vm_schedulers_online", 2));

        Assert.Equal([(AlarmEventKind.Raised, Severity.Warning), (AlarmEventKind.Cleared, Severity.Cleared)], Events());
    }

    [Fact]
    public async Task Hysteresis_keeps_the_alarm_until_the_cease_threshold()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, HighRunQueue(above: 100, ceaseBelow: 50));

        await engine.EvaluateAsync(Snapshot(RunQueue, 120));
        Assert.Equal([(AlarmEventKind.Raised, Severity.Major)], Events());
        await engine.EvaluateAsync(Snapshot(RunQueue, 80));
        Assert.Single(alarms.GetActive());
        await engine.EvaluateAsync(Snapshot(RunQueue, 40));

        Assert.Equal([(AlarmEventKind.Raised, Severity.Major), (AlarmEventKind.Cleared, Severity.Cleared)], Events());
        Assert.Empty(alarms.GetActive());
    }

    [Fact]
    public async Task Inside_the_hysteresis_band_nothing_is_raised()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, HighRunQueue(above: 100, ceaseBelow: 50));

        await engine.EvaluateAsync(Snapshot(RunQueue, 80));

        Assert.Empty(_router.Routed);
    }

    [Fact]
    public async Task The_condition_must_hold_for_the_for_duration_before_raising()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, HighRunQueue(@for: TimeSpan.FromSeconds(30)));

        await engine.EvaluateAsync(Snapshot(RunQueue, 150));
        _time.Advance(TimeSpan.FromSeconds(20));
        await engine.EvaluateAsync(Snapshot(RunQueue, 150));
        // It dipped: the clock starts again.
        await engine.EvaluateAsync(Snapshot(RunQueue, 10));
        await engine.EvaluateAsync(Snapshot(RunQueue, 150));
        _time.Advance(TimeSpan.FromSeconds(29));
        await engine.EvaluateAsync(Snapshot(RunQueue, 150));
        Assert.Empty(_router.Routed);

        _time.Advance(TimeSpan.FromSeconds(1));
        await engine.EvaluateAsync(Snapshot(RunQueue, 150));

        Assert.Equal([(AlarmEventKind.Raised, Severity.Major)], Events());
    }

    [Fact]
    public async Task Label_matchers_select_the_series_and_the_labels_are_the_resource()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, new ThresholdRuleOptions
        {
            Name = "memory",
            Metric = Memory,
            Labels = new() { ["kind"] = "=~proc.*|ets", ["usage"] = "!=free", ["pool"] = "!~tmp.*" },
            Raise = new RaiseOptions { Above = 1000, Severity = "minor" },
        });

        await engine.EvaluateAsync(Snapshot(
            (Memory, 5000, [new Label("kind", "processes"), new Label("usage", "used")]),
            (Memory, 5000, [new Label("kind", "ets"), new Label("pool", "tmp1")]),
            (Memory, 5000, [new Label("kind", "processes_used"), new Label("usage", "free")]),
            (Memory, 5000, [new Label("kind", "system")]),
            (Memory, 5000, [new Label("kind", "ets")])));

        Assert.Equal(["kind=ets", "kind=processes,usage=used"], alarms.GetActive().Select(a => a.Resource).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_plain_label_value_is_an_equality_matcher()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, new ThresholdRuleOptions
        {
            Name = "memory",
            Metric = Memory,
            Labels = new() { ["kind"] = "processes" },
            Raise = new RaiseOptions { Above = 1000 },
        });

        await engine.EvaluateAsync(Snapshot((Memory, 5000, [new Label("kind", "processes")]), (Memory, 5000, [new Label("kind", "processes_used")])));

        Assert.Equal("kind=processes", Assert.Single(alarms.GetActive()).Resource);
    }

    [Fact]
    public async Task The_description_template_is_filled_in()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, new ThresholdRuleOptions
        {
            Name = "memory",
            Metric = Memory,
            Raise = new RaiseOptions { Above = 1000, Severity = "critical" },
            Description = "{{labels.kind}} memory on {{node}} is {{value}} bytes (limit {{threshold}}, {{severity}}, {{labels.missing}}|{{rule}})",
        });

        await engine.EvaluateAsync(Snapshot(Memory, 1234.5, new Label("kind", "processes")));

        Assert.Equal("processes memory on n1@host is 1234.5 bytes (limit 1000, critical, |memory)", Assert.Single(alarms.GetActive()).Description);
    }

    [Fact]
    public async Task Several_levels_raise_the_most_severe_crossed_and_step_down_one_event_each_way()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, new ThresholdRuleOptions
        {
            Name = "processes",
            Metric = "erlang_vm_process_count",
            Raise = new RaiseOptions
            {
                Above = 80,
                Severity = "minor",
                Levels = [new LevelOptions { Above = 90, Severity = "major" }, new LevelOptions { Above = 95, Severity = "critical" }],
            },
            Cease = new CeaseOptions { Below = 70 },
        });

        foreach (var value in new[] { 85, 97, 97, 92, 75, 60 })
        {
            await engine.EvaluateAsync(Snapshot("erlang_vm_process_count", value));
        }

        Assert.Equal(
            [(AlarmEventKind.Raised, Severity.Minor), (AlarmEventKind.SeverityChanged, Severity.Critical), (AlarmEventKind.SeverityChanged, Severity.Major),
             (AlarmEventKind.SeverityChanged, Severity.Minor), (AlarmEventKind.Cleared, Severity.Cleared)],
            Events());
    }

    [Fact]
    public async Task A_series_that_disappears_clears_its_alarm()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, HighRunQueue());
        await engine.EvaluateAsync(Snapshot(RunQueue, 150));

        await engine.EvaluateAsync(Snapshot("something_else", 1));

        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Cleared], _router.AlarmEvents.Select(e => e.Kind));
    }

    [Fact]
    public async Task NaN_changes_nothing()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, HighRunQueue());
        await engine.EvaluateAsync(Snapshot(RunQueue, 150));

        await engine.EvaluateAsync(Snapshot(RunQueue, double.NaN));

        Assert.Single(_router.Routed);
        Assert.Single(alarms.GetActive());
    }

    [Fact]
    public async Task After_a_restart_a_value_inside_the_band_keeps_the_restored_alarm()
    {
        var before = Alarms();
        await Engine(before, HighRunQueue(ceaseBelow: 50)).EvaluateAsync(Snapshot(RunQueue, 150));
        before.Dispose();
        _router.Routed.Clear();

        var after = Alarms();
        await Engine(after, HighRunQueue(ceaseBelow: 50)).EvaluateAsync(Snapshot(RunQueue, 80));

        Assert.Empty(_router.Routed);
        Assert.Single(after.GetActive());
    }

    [Fact]
    public async Task After_a_restart_the_first_evaluation_clears_a_restored_alarm_whose_condition_is_gone()
    {
        var before = Alarms();
        await Engine(before, HighRunQueue()).EvaluateAsync(Snapshot(RunQueue, 150));
        before.Dispose();
        _router.Routed.Clear();

        var after = Alarms();
        var engine = Engine(after, HighRunQueue());
        await engine.EvaluateAsync(Snapshot(RunQueue, 10));
        await engine.EvaluateAsync(Snapshot(RunQueue, 10));

        Assert.Equal([AlarmEventKind.Cleared], _router.AlarmEvents.Select(e => e.Kind));
        Assert.Empty(after.GetActive());
    }

    [Fact]
    public async Task Node_removal_clears_the_rule_alarms_of_the_node()
    {
        var alarms = Alarms();
        var engine = Engine(alarms, HighRunQueue());
        await engine.EvaluateAsync(Snapshot(RunQueue, 150));

        Assert.Equal(1, await engine.NodeRemovedAsync("n1@host"));

        Assert.Empty(alarms.GetActive());
    }
}
