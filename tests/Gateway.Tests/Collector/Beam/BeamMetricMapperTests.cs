using Gateway.Collector.Beam;
using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;
using static Gateway.Tests.Collector.Beam.SyntheticReply;

namespace Gateway.Tests.Collector.Beam;

public sealed class BeamMetricMapperTests
{
    private readonly BeamMetricMapper mapper = new();

    [Fact]
    public void A_badrpc_reply_is_a_BeamReplyException()
    {
        var ex = Assert.Throws<BeamReplyException>(() => mapper.Map(T(A("badrpc"), A("nodedown")), BeamMetricNaming.PrometheusErlV4));
        Assert.Contains("{badrpc,nodedown}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_map_gives_no_families()
    {
        Assert.Empty(mapper.Map(ErlangMap.Empty, BeamMetricNaming.PrometheusErlV4));
    }

    [Fact]
    public void Memory_free_and_other_are_derived_like_prometheus_erl()
    {
        var families = Families(Rich());
        Assert.Equal(50, Sample(families, "erlang_vm_memory_atom_bytes_total", "usage", "free"));
        Assert.Equal(100, Sample(families, "erlang_vm_memory_processes_bytes_total", "usage", "free"));
        Assert.Equal(2000 - 300 - 100 - 700 - 200, Sample(families, "erlang_vm_memory_system_bytes_total", "usage", "other"));
    }

    [Fact]
    public void A_missing_memory_key_drops_only_the_samples_that_need_it()
    {
        var reply = Map(("memory", L(Pair("system", I(2000)), Pair("processes", I(1000)))));
        var families = Families(reply);
        Assert.Equal(2, families["erlang_vm_memory_bytes_total"].Samples.Count);
        Assert.DoesNotContain("erlang_vm_memory_atom_bytes_total", families.Keys);
        Assert.DoesNotContain("erlang_vm_memory_system_bytes_total", families.Keys);
    }

    [Fact]
    public void Statistics_take_the_first_element_of_the_tuples_and_bytes_reclaimed_uses_the_word_size()
    {
        var families = Families(Rich());
        Assert.Equal(8000, Single(families, "erlang_vm_statistics_garbage_collection_bytes_reclaimed"));
        Assert.Equal(60, Single(families, "erlang_vm_statistics_bytes_output_total"));
        Assert.Equal(20, Single(families, "erlang_vm_statistics_bytes_received_total"));
        Assert.Equal(Math.Pow(2, 70), Single(families, "erlang_vm_statistics_reductions_total"));
        Assert.Equal(309, Single(families, "erlang_vm_statistics_runtime_milliseconds"));
    }

    [Fact]
    public void Dirty_run_queues_are_the_last_two_of_run_queue_lengths_all()
    {
        var families = Families(Rich());
        Assert.Equal(7, Single(families, "erlang_vm_statistics_dirty_cpu_run_queue_length"));
        Assert.Equal(9, Single(families, "erlang_vm_statistics_dirty_io_run_queue_length"));

        var noDirty = Map(("statistics", Map(("run_queue_lengths_all", L(I(1), I(2))))), ("system_info", Map(("schedulers_online", I(2)))));
        Assert.DoesNotContain("erlang_vm_statistics_dirty_cpu_run_queue_length", Families(noDirty).Keys);
    }

    [Fact]
    public void Booleans_are_untyped_one_or_zero()
    {
        var families = Families(Rich());
        Assert.Equal(MetricType.Untyped, families["erlang_vm_smp_support"].Type);
        Assert.Equal(1, Single(families, "erlang_vm_smp_support"));
        Assert.Equal(0, Single(families, "erlang_vm_threads"));
    }

    [Fact]
    public void Dist_links_are_labelled_by_peer_and_states_are_numbered_like_prometheus_erl()
    {
        var families = Families(Rich());
        Assert.Equal(100, Sample(families, "erlang_vm_dist_recv_bytes", "peer", "n2@host"));
        Assert.Equal(200, Sample(families, "erlang_vm_dist_send_bytes", "peer", "n2@host"));
        Assert.Equal(400, Sample(families, "erlang_vm_dist_port_memory_bytes", "peer", "n2@host"));
        Assert.Equal(3, Sample(families, "erlang_vm_dist_node_state", "peer", "n2@host"));
        var status = Assert.Single(families["erlang_vm_dist_proc_status"].Samples);
        Assert.Equal(6, status.Value);
        Assert.Equal("dist", status.Labels.Get("type"));
        Assert.DoesNotContain("erlang_vm_dist_recv_cnt", families.Keys);
    }

    [Fact]
    public void Microstate_accounting_is_one_counter_family_per_state_labelled_by_thread_type_and_id()
    {
        var reply = Map(("msacc", L(
            T(A("scheduler"), I(1), Map(("emulator", ErlangTerm.Float(1.5)), ("sleep", ErlangTerm.Float(10)), ("gc", I(0)))),
            T(A("async"), I(0), Map(("sleep", ErlangTerm.Float(12)))),
            T(A("broken"), A("x"), Map(("sleep", I(1)))))));

        var families = Families(reply);

        Assert.Equal(1.5, Sample(families, "erlang_vm_msacc_emulator_seconds_total", "type", "scheduler"));
        var sleep = families["erlang_vm_msacc_sleep_seconds_total"];
        Assert.Equal(MetricType.Counter, sleep.Type);
        Assert.Equal(["async/0=12", "scheduler/1=10"],
            sleep.Samples.Select(s => $"{s.Labels.Get("type")}/{s.Labels.Get("id")}={s.Value}").Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("Total time in seconds spent sleeping.", sleep.Help);
        Assert.DoesNotContain("erlang_vm_msacc_nif_seconds_total", families.Keys);
    }

    [Fact]
    public void Without_microstate_accounting_there_is_no_msacc_family()
    {
        Assert.DoesNotContain(Families(Map(("msacc", A("undefined")))).Keys, name => name.StartsWith("erlang_vm_msacc_", StringComparison.Ordinal));
        Assert.DoesNotContain(Families(Map(("msacc", L()))).Keys, name => name.StartsWith("erlang_vm_msacc_", StringComparison.Ordinal));
        Assert.Equal(0.25, Sample(Families(Rich()), "erlang_vm_msacc_emulator_seconds_total", "type", "scheduler"));
    }

    [Fact]
    public void Top_queues_are_labelled_by_registered_name_or_initial_call()
    {
        var top = Families(Rich())["erlang_vm_process_message_queue_length"].Samples;
        Assert.Equal(["mq_hog", "my_server:init/1", "undefined"], top.Select(s => s.Labels.Get("process")!).ToArray());
        Assert.Equal(["<0.80.0>", "<0.81.0>", "<0.82.0>"], top.Select(s => s.Labels.Get("pid")!).ToArray());
    }

    [Fact]
    public void Mnesia_total_memory_is_the_sum_over_tables()
    {
        var families = Families(Rich());
        Assert.Equal(7000, Single(families, "erlang_mnesia_memory_usage_bytes"));
        Assert.Equal(25, Sample(families, "erlang_mnesia_tablewise_size", "table", "users"));
        Assert.Equal(12, Single(families, "erlang_mnesia_committed_transactions"));
        Assert.Equal(12, Assert.Single(mapper.Map(Rich(), BeamMetricNaming.PrometheusErlV6)
            .Single(f => f.Name == "erlang_mnesia_committed_transactions_total").Samples).Value);
    }

    [Fact]
    public void Forwarding_counters_appear_only_when_the_forwarder_is_installed()
    {
        var families = Families(Rich());
        Assert.Equal(1, Sample(families, "gateway_agent_log_events_dropped_total", "reason", "rate"));
        var notInstalled = Map(("forwarding", Map(("installed", A("false")), ("logs_forwarded", I(3)))));
        Assert.Empty(Families(notInstalled));
    }

    [Fact]
    public void Duplicate_entries_keep_the_first_sample()
    {
        var reply = Map(("applications", L(T(A("kernel"), ErlangList.FromText("8.5")), T(A("kernel"), ErlangList.FromText("8.5")))));
        Assert.Single(Families(reply)["erlang_vm_application_info"].Samples);
    }

    [Fact]
    public void Duplicate_entries_in_a_large_family_keep_the_first_sample_in_order()
    {
        var allocators = Enumerable.Range(0, 30)
            .Select(i => (ErlangTerm)T(A("eheap_alloc"), I(i % 20), A("mbcs"), I(i), I(1000 + i), I(2), I(3)))
            .ToArray();

        var family = Families(Map(("allocators", L(allocators))))["erlang_vm_allocators"];

        var carriers = family.Samples.Where(s => s.Labels.Get("usage") == "carriers").ToArray();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (double)i), carriers.Select(s => s.Value));
        Assert.Equal(80, family.Samples.Count);
        Assert.Equal(family.Samples.Count, family.Samples.Select(s => s.Labels).Distinct().Count());
    }

    [Fact]
    public void Equal_label_sets_are_shared_between_replies()
    {
        var interner = new LabelSetInterner();
        var shared = new BeamMetricMapper(interner);
        var first = shared.Map(Rich(), BeamMetricNaming.PrometheusErlV4).Single(f => f.Name == "erlang_vm_memory_bytes_total");
        var second = shared.Map(Rich(), BeamMetricNaming.PrometheusErlV4).Single(f => f.Name == "erlang_vm_memory_bytes_total");
        Assert.Same(first.Samples[0].Labels, second.Samples[0].Labels);
    }

    private Dictionary<string, MetricFamily> Families(ErlangTerm reply) =>
        mapper.Map(reply, BeamMetricNaming.PrometheusErlV4).ToDictionary(f => f.Name);

    private static double Single(Dictionary<string, MetricFamily> families, string name) =>
        Assert.Single(families[name].Samples).Value;

    private static double Sample(Dictionary<string, MetricFamily> families, string name, string label, string value) =>
        families[name].Samples.Single(s => s.Labels.Get(label) == value).Value;
}
