using Gateway.Core.Rules.Beam;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using static Gateway.Tests.Core.Rules.Beam.Snapshots;

namespace Gateway.Tests.Core.Rules.Beam;

public sealed class BeamAlarmEvaluatorTests
{
    private static readonly NodeApplications[] NoPeers = [];

    private static IReadOnlyList<AlarmCondition> Evaluate(BeamAlarmOptions options, params MetricFamily[] families) =>
        new BeamAlarmEvaluator(options).Evaluate(Of("n1@host", families), NoPeers);

    private static IReadOnlyList<AlarmCondition> Evaluate(params MetricFamily[] families) => Evaluate(new BeamAlarmOptions(), families);

    [Theory]
    [InlineData(5000, null)]
    [InlineData(5735, Severity.Minor)]
    [InlineData(7000, Severity.Major)]
    [InlineData(7800, Severity.Critical)]
    public void Ets_tables_against_the_limit_give_the_level_crossed(double tables, Severity? expected)
    {
        var conditions = Evaluate(Gauge("erlang_vm_memory_ets_tables", tables), Gauge("erlang_vm_ets_limit", 8192));

        if (expected is null)
        {
            Assert.Empty(conditions);
            return;
        }
        var c = Assert.Single(conditions);
        Assert.Equal(("ets_limit", "node", expected.Value), (c.Type, c.Resource, c.Severity));
        Assert.Equal(tables / 8192 * 100, c.Value!.Value, 6);
    }

    [Theory]
    [InlineData("erlang_vm_process_count", "erlang_vm_process_limit", "process_limit")]
    [InlineData("erlang_vm_processes", "erlang_vm_process_limit", "process_limit")]
    [InlineData("erlang_vm_atom_count", "erlang_vm_atom_limit", "atom_limit")]
    [InlineData("erlang_vm_atoms", "erlang_vm_atom_limit", "atom_limit")]
    [InlineData("erlang_vm_port_count", "erlang_vm_port_limit", "port_limit")]
    [InlineData("erlang_vm_ports", "erlang_vm_port_limit", "port_limit")]
    public void Limits_are_read_under_the_v4_and_the_v6_names(string count, string limit, string type)
    {
        var c = Assert.Single(Evaluate(Gauge(count, 900), Gauge(limit, 1000)));

        Assert.Equal((type, Severity.Major, 85.0), (c.Type, c.Severity, c.Threshold!.Value));
        Assert.Contains("900 of 1000", c.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_limit_levels_override_the_defaults()
    {
        var options = new BeamAlarmOptions { Limits = new PercentThresholds { Minor = 10, Major = 20, Critical = 30 } };

        var c = Assert.Single(Evaluate(options, Gauge("erlang_vm_process_count", 150), Gauge("erlang_vm_process_limit", 1000)));

        Assert.Equal((Severity.Minor, 10.0), (c.Severity, c.Threshold!.Value));
    }

    [Fact]
    public void A_missing_or_zero_limit_raises_nothing()
    {
        Assert.Empty(Evaluate(Gauge("erlang_vm_process_count", 250)));
        Assert.Empty(Evaluate(Gauge("erlang_vm_process_count", 250), Gauge("erlang_vm_process_limit", 0)));
    }

    private static MetricFamily Queues(params (double Length, string Pid, string Process)[] queues) =>
        Labelled("erlang_vm_process_message_queue_length",
            [.. queues.Select(q => (q.Length, new[] { new Label("pid", q.Pid), new Label("process", q.Process) }))]);

    [Theory]
    [InlineData(4999, null)]
    [InlineData(5000, Severity.Minor)]
    [InlineData(19999, Severity.Minor)]
    [InlineData(20000, Severity.Major)]
    [InlineData(1_000_000, Severity.Major)]
    public void Message_queue_levels_are_5000_and_20000_by_default(double length, Severity? expected)
    {
        var conditions = Evaluate(Queues((length, "<0.90.0>", "mq_hog")));

        if (expected is null)
        {
            Assert.Empty(conditions);
            return;
        }
        var c = Assert.Single(conditions);
        Assert.Equal(("message_queue", "mq_hog", expected.Value, length), (c.Type, c.Resource, c.Severity, c.Value!.Value));
    }

    [Fact]
    public void An_unregistered_process_is_named_by_its_pid_and_a_configured_critical_level_applies()
    {
        var options = new BeamAlarmOptions { MessageQueue = new MessageQueueThresholds { Minor = 10, Major = 20, Critical = 30 } };

        var conditions = Evaluate(options, Queues((35, "<0.91.0>", "my_worker:init/1"), (25, "<0.92.0>", "undefined"), (5, "<0.93.0>", "quiet")));

        Assert.Equal(
            [("<0.91.0>", Severity.Critical), ("<0.92.0>", Severity.Major)],
            conditions.Select(c => (c.Resource, c.Severity)));
        Assert.Contains("my_worker:init/1", conditions[0].Description, StringComparison.Ordinal);
    }

    private static MetricFamily Memory(double system, double processes) =>
        Labelled("erlang_vm_memory_bytes_total", (system, [new Label("kind", "system")]), (processes, [new Label("kind", "processes")]));

    [Fact]
    public void Memory_is_off_without_a_bound()
    {
        Assert.Empty(Evaluate(Memory(1e12, 1e12)));
    }

    [Theory]
    [InlineData(600, null)]
    [InlineData(700, Severity.Minor)]
    [InlineData(850, Severity.Major)]
    [InlineData(990, Severity.Critical)]
    public void Memory_is_compared_with_the_bound(double total, Severity? expected)
    {
        var options = new BeamAlarmOptions { Memory = new MemoryThresholds { Bound = 1000 } };

        var conditions = Evaluate(options, Memory(total / 2, total / 2));

        Assert.Equal(expected, conditions.SingleOrDefault()?.Severity);
        if (expected is not null)
        {
            Assert.Equal(("memory", "node", total), (conditions[0].Type, conditions[0].Resource, conditions[0].Value!.Value));
        }
    }

    [Fact]
    public void Memory_is_read_under_the_v6_name()
    {
        var options = new BeamAlarmOptions { Memory = new MemoryThresholds { Bound = 1000 } };
        var v6 = Labelled("erlang_vm_memory_bytes", (500, [new Label("kind", "system")]), (460, [new Label("kind", "processes")]));

        Assert.Equal(Severity.Critical, Assert.Single(Evaluate(options, v6)).Severity);
    }

    [Fact]
    public void A_different_version_in_the_group_is_a_warning_per_application()
    {
        var evaluator = new BeamAlarmEvaluator(new BeamAlarmOptions());
        var self = Of("n1@host", Apps(("kernel", "8.5"), ("myapp", "1.0")));
        var peers = new[] { Of("n2@host", Apps(("kernel", "8.5"), ("myapp", "2.0"))) };

        var c = Assert.Single(evaluator.Evaluate(self, peers.AsEnumerable()));

        Assert.Equal(("different_application_versions", "myapp", Severity.Warning), (c.Type, c.Resource, c.Severity));
        Assert.Contains("2.0 on n2@host", c.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_running_elsewhere_in_the_group_but_not_here_is_missing()
    {
        var evaluator = new BeamAlarmEvaluator(new BeamAlarmOptions());
        var self = Of("n1@host", Apps(("kernel", "8.5")));
        var peers = new[] { Of("n2@host", Apps(("kernel", "8.5"), ("extra", "0.1"))), Of("n3@host", Apps(("kernel", "8.5"))) };

        var c = Assert.Single(evaluator.Evaluate(self, peers.AsEnumerable()));

        Assert.Equal(("missing_application", "extra", Severity.Warning), (c.Type, c.Resource, c.Severity));
        // The node that runs more applications than the others is not alarmed.
        Assert.Empty(evaluator.Evaluate(peers[0], new[] { self, peers[1] }.AsEnumerable()));
    }

    [Fact]
    public void Without_peers_or_with_application_checks_off_nothing_is_compared()
    {
        var self = Of("n1@host", Apps(("kernel", "8.5")));
        var peer = new[] { Of("n2@host", Apps(("kernel", "9.0"))) };

        Assert.Empty(new BeamAlarmEvaluator(new BeamAlarmOptions()).Evaluate(self, NoPeers));
        Assert.Empty(new BeamAlarmEvaluator(new BeamAlarmOptions { ApplicationSeverity = "off" }).Evaluate(self, peer.AsEnumerable()));
    }

    [Fact]
    public void Each_clashing_module_is_a_major_alarm_naming_its_directories()
    {
        var clashes = Labelled("erlang_vm_module_clash_info", (1, [new Label("module", "clashmod"), new Label("paths", "/a:/b")]));

        var c = Assert.Single(Evaluate(clashes));

        Assert.Equal(("module_clash", "clashmod", Severity.Major), (c.Type, c.Resource, c.Severity));
        Assert.Contains("/a, /b", c.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_module_with_old_code_is_a_minor_alarm()
    {
        var old = Labelled("erlang_vm_old_code_module_info", (1, [new Label("module", "m1")]), (1, [new Label("module", "m2")]));

        Assert.Equal(
            [("old_code", "m1", Severity.Minor), ("old_code", "m2", Severity.Minor)],
            Evaluate(old).Select(c => (c.Type, c.Resource, c.Severity)));
    }

    [Fact]
    public void Disabled_built_in_alarms_report_nothing()
    {
        var options = new BeamAlarmOptions { Enabled = false };

        Assert.Empty(Evaluate(options, Gauge("erlang_vm_memory_ets_tables", 8192), Gauge("erlang_vm_ets_limit", 8192)));
    }
}
