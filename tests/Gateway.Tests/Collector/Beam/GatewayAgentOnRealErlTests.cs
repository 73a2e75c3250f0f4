using System.Text.RegularExpressions;
using Gateway.Collector.Beam;
using Gateway.Collector.Beam.Agent;
using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Tests.Collector.Beam;

public sealed partial class GatewayAgentOnRealErlTests(AgentRun run) : IClassFixture<AgentRun>
{
    private readonly BeamMetricMapper mapper = new();

    [Fact]
    public void Agent_compiles_from_scanned_forms_without_warnings()
    {
        Assert.Equal(ErlangList.Empty, run.Result["warnings"]);
    }

    [Fact]
    public void Loaded_agent_reports_the_version_GatewayAgentSource_parses()
    {
        Assert.Equal(ErlangInteger.Of(GatewayAgentSource.Version), run.Result["version"]);
        Assert.Equal(ErlangList.Of(ErlangInteger.Of(GatewayAgentSource.Version)), run.Result["vsn"]);
        Assert.Equal(ErlangInteger.Of(GatewayAgentSource.Version), ((ErlangMap)run.Reply)["agent_version"]);
    }

    [Theory]
    [InlineData(BeamMetricNaming.PrometheusErlV4)]
    [InlineData(BeamMetricNaming.PrometheusErlV6)]
    public void Every_prometheus_erl_family_has_its_exact_name_type_help_and_labels(BeamMetricNaming naming)
    {
        var families = mapper.Map(run.Reply, naming).ToDictionary(f => f.Name);
        foreach (var expected in PrometheusErlContract.Always)
        {
            var name = naming == BeamMetricNaming.PrometheusErlV6 ? expected.V6 : expected.V4;
            Assert.True(families.TryGetValue(name, out var family), $"family {name} is missing");
            Assert.Equal(expected.Type, family.Type);
            Assert.Equal(expected.Help, family.Help);
            Assert.NotEmpty(family.Samples);
            foreach (var sample in family.Samples)
            {
                Assert.Equal(name, sample.Name);
                Assert.Equal(expected.Labels, sample.Labels.Select(l => l.Name).ToArray());
            }
        }
    }

    [Fact]
    public void Every_family_is_well_formed_and_none_carries_the_instance_label()
    {
        foreach (var naming in new[] { BeamMetricNaming.PrometheusErlV4, BeamMetricNaming.PrometheusErlV6 })
        {
            var families = mapper.Map(run.Reply, naming);
            Assert.Equal(families.Count, families.Select(f => f.Name).Distinct().Count());
            foreach (var family in families)
            {
                Assert.Matches(MetricName(), family.Name);
                Assert.False(string.IsNullOrWhiteSpace(family.Help), family.Name);
                Assert.Equal(family.Samples.Count, family.Samples.Select(s => s.Labels).Distinct().Count());
                Assert.All(family.Samples, s => Assert.Null(s.Labels.Get("instance")));
                Assert.All(family.Samples, s => Assert.False(double.IsNaN(s.Value), $"{family.Name}{s.Labels}"));
            }
        }
    }

    [Fact]
    public void Memory_is_split_by_kind_into_processes_and_system()
    {
        var family = Family("erlang_vm_memory_bytes_total");
        Assert.Equal(["kind=processes", "kind=system"], family.Samples.Select(s => $"kind={s.Labels.Get("kind")}").Order().ToArray());
        Assert.All(family.Samples, s => Assert.True(s.Value > 0));
        var system = Family("erlang_vm_memory_system_bytes_total");
        Assert.Equal(["atom", "binary", "code", "ets", "other"], system.Samples.Select(s => s.Labels.Get("usage")!).Order().ToArray());
    }

    [Fact]
    public void Process_count_includes_the_ten_thousand_extra_processes()
    {
        Assert.True(Value("erlang_vm_process_count") >= 10_000);
        Assert.True(Value("erlang_vm_process_limit") >= 1_048_576);
        Assert.True(Value("erlang_vm_statistics_reductions_total") > 0);
    }

    [Fact]
    public void Os_process_figures_come_from_proc_self()
    {
        Assert.True(Value("process_resident_memory_bytes") > 1_000_000);
        Assert.True(Value("process_virtual_memory_bytes") >= Value("process_resident_memory_bytes"));
        Assert.True(Value("process_open_fds") > 0);
        Assert.True(Value("process_max_fds") >= Value("process_open_fds"));
        Assert.True(Value("process_threads_total") >= 1);
        var start = Value("process_start_time_seconds");
        Assert.InRange(start, 1.6e9, 1e10);
        Assert.Equal(["stime", "utime"], Family("process_cpu_seconds_total").Samples.Select(s => s.Labels.Get("kind")!).Order().ToArray());
    }

    [Fact]
    public void Longest_message_queue_is_the_registered_hog_with_500_messages()
    {
        var top = Family("erlang_vm_process_message_queue_length");
        var first = top.Samples[0];
        Assert.Equal(AgentRun.HogName, first.Labels.Get("process"));
        Assert.Equal(500, first.Value);
        Assert.StartsWith("<0.", first.Labels.Get("pid"), StringComparison.Ordinal);
        Assert.True(top.Samples.Count <= 5);
        Assert.True(Value("erlang_vm_message_queues_length_total") >= 500);
        Assert.True(Value("gateway_agent_message_queue_scanned_processes") >= 10_000);
    }

    [Fact]
    public void Applications_are_reported_with_their_versions()
    {
        var apps = Family("erlang_vm_application_info").Samples.ToDictionary(s => s.Labels.Get("application")!, s => s.Labels.Get("version")!);
        Assert.Matches(Version(), apps["kernel"]);
        Assert.Matches(Version(), apps["stdlib"]);
        Assert.Matches(Version(), apps["mnesia"]);
        Assert.True(Value("erlang_vm_loaded_modules") > 100);
        Assert.True(Value("erlang_vm_registered_processes") > 10);
        Assert.True(Value("erlang_vm_uptime_seconds") > 0);
        var info = Assert.Single(Family("erlang_vm_info").Samples);
        Assert.Matches("^[0-9]+$", info.Labels.Get("otp_release")!);
    }

    [Fact]
    public void Mnesia_tables_are_reported_by_name()
    {
        var size = Family("erlang_mnesia_tablewise_size").Samples.Single(s => s.Labels.Get("table") == AgentRun.TableName);
        Assert.Equal(25, size.Value);
        Assert.True(Family("erlang_mnesia_tablewise_memory_usage_bytes").Samples.Single(s => s.Labels.Get("table") == AgentRun.TableName).Value > 0);
        Assert.Equal(1, Value("erlang_mnesia_running_db_nodes"));
    }

    [Fact]
    public void Allocators_are_labelled_with_instance_no_not_instance()
    {
        var allocators = Family("erlang_vm_allocators");
        Assert.Contains(allocators.Samples, s => s.Labels.Get("alloc") == "eheap_alloc" && s.Labels.Get("kind") == "mbcs"
            && s.Labels.Get("usage") == "carriers_size" && s.Value > 0);
        Assert.All(allocators.Samples, s => Assert.Contains(s.Labels.Get("usage"), new[] { "carriers", "carriers_size", "blocks", "blocks_size" }));
    }

    [Fact]
    public void Naming_switch_renames_per_prometheus_erl_6()
    {
        var v6 = mapper.Map(run.Reply, BeamMetricNaming.PrometheusErlV6).ToDictionary(f => f.Name);
        var v4 = mapper.Map(run.Reply, BeamMetricNaming.PrometheusErlV4).ToDictionary(f => f.Name);
        // v4 also carries the three pre-4.10 names that published dashboards query (LegacyNameMetrics).
        string[] legacy = ["erlang_vm_statistics_run_queues_length_total", "erlang_vm_ets_tables", "erlang_vm_dets_tables"];
        Assert.All(legacy, name => Assert.Contains(name, v4.Keys));
        Assert.All(legacy, name => Assert.DoesNotContain(name, v6.Keys));
        Assert.Equal(v4.Count - legacy.Length, v6.Count);
        Assert.Equal(MetricType.Gauge, v6["erlang_vm_memory_bytes"].Type);
        Assert.DoesNotContain("erlang_vm_memory_bytes_total", v6.Keys);
        Assert.DoesNotContain("erlang_vm_process_count", v6.Keys);
        Assert.Contains("erlang_vm_processes", v6.Keys);
        Assert.Equal(MetricType.Counter, v6["erlang_vm_statistics_context_switches_total"].Type);
        Assert.Equal(
            "Information about wall clock. Same as erlang_vm_statistics_runtime_seconds except that real time is measured.",
            v6["erlang_vm_statistics_wallclock_time_seconds_total"].Help);
        Assert.Equal(
            "Information about wall clock. Same as erlang_vm_statistics_runtime_milliseconds except that real time is measured.",
            v4["erlang_vm_statistics_wallclock_time_milliseconds"].Help);
        Assert.Equal(v4["erlang_vm_memory_bytes_total"].Samples.Select(s => s.Value), v6["erlang_vm_memory_bytes"].Samples.Select(s => s.Value));
    }

    [Fact]
    public void Log_events_are_forwarded_counted_and_the_handler_removed()
    {
        var install = (ErlangMap)run.Result["install"];
        Assert.Equal(ErlangAtom.Ok, install["logger"]);
        var log = Assert.IsType<ErlangMap>(run.Result["log_event"]);
        Assert.Equal(ErlangAtom.Of("error"), log["level"]);
        Assert.True(log["text"].TryGetString(out var text));
        Assert.Equal("gateway agent test event 42", text);
        var meta = Assert.IsType<ErlangMap>(log["meta"]);
        Assert.Equal(ErlangTerm.Binary("gateway_test:run/0"), meta["mfa"]);
        Assert.True(meta["pid"].TryGetString(out var pid) && pid.StartsWith("<0.", StringComparison.Ordinal));
        Assert.True(log["time"].TryGetLong(out var micros) && micros > 1_600_000_000_000_000);
        Assert.Equal(1, Value("gateway_agent_log_events_forwarded_total"));
        Assert.Equal(ErlangAtom.Ok, run.Result["removed"]);
        Assert.Equal(ErlangAtom.False, ((ErlangMap)run.Result["after_remove"])["installed"]);
    }

    [Fact]
    public void Sasl_alarms_are_forwarded_on_set_and_clear_and_listed_in_the_reply()
    {
        var set = Assert.IsType<ErlangTuple>(run.Result["alarm_set"]);
        Assert.Equal(ErlangAtom.Of("set"), set[0]);
        Assert.Equal(ErlangTerm.Binary(AgentRun.AlarmId), set[1]);
        Assert.Equal(ErlangTerm.Binary("\"/var\""), set[2]);
        var clear = Assert.IsType<ErlangTuple>(run.Result["alarm_clear"]);
        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("clear"), ErlangTerm.Binary(AgentRun.AlarmId)), clear);
        var alarms = Assert.IsType<ErlangList>(((ErlangMap)run.Reply)["alarms"]);
        Assert.Contains(ErlangTerm.Tuple(ErlangTerm.Binary(AgentRun.AlarmId), ErlangTerm.Binary("\"/var\"")), alarms);
        Assert.Equal(1, Value("gateway_agent_alarms_forwarded_total"));
    }

    private MetricFamily Family(string name) =>
        mapper.Map(run.Reply, BeamMetricNaming.PrometheusErlV4).SingleOrDefault(f => f.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"family {name} is missing; erl said:\n{run.Output}");

    private double Value(string name) => Assert.Single(Family(name).Samples).Value;

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*$")]
    private static partial Regex Version();
}
