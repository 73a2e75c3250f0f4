using Gateway.Collector.Beam;
using Gateway.Erlang.Terms;

namespace Gateway.Tests.Core.Rules.Beam;

/// <summary>The agent's module_clashes and old_code fields as families (METRICS.md, "Code-server findings").</summary>
public sealed class CodeMetricsMappingTests
{
    private static ErlangMap Reply(params (string Key, ErlangTerm Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<ErlangTerm, ErlangTerm>(ErlangAtom.Of(f.Key), f.Value))]);

    [Fact]
    public void Clashes_and_old_code_become_info_families_and_counts()
    {
        var reply = Reply(
            ("module_clashes", ErlangList.Of(ErlangTerm.Tuple(ErlangTerm.Binary("clashmod"), ErlangList.Of(ErlangTerm.Binary("/a"), ErlangTerm.Binary("/b"))))),
            ("old_code", Reply(("count", ErlangInteger.Of(2)), ("modules", ErlangList.Of(ErlangAtom.Of("m1"), ErlangAtom.Of("m2"))))));

        var families = new BeamMetricMapper().Map(reply, BeamMetricNaming.PrometheusErlV4).ToDictionary(f => f.Name);

        var clash = Assert.Single(families["erlang_vm_module_clash_info"].Samples);
        Assert.Equal(("clashmod", "/a:/b", 1.0), (clash.Labels.Get("module"), clash.Labels.Get("paths"), clash.Value));
        Assert.Equal(1, families["erlang_vm_module_clashes"].Samples[0].Value);
        Assert.Equal(2, families["erlang_vm_old_code_modules"].Samples[0].Value);
        Assert.Equal(["m1", "m2"], families["erlang_vm_old_code_module_info"].Samples.Select(s => s.Labels.Get("module")));
    }

    [Fact]
    public void No_clash_and_no_old_code_give_zero_counts_and_no_info_samples()
    {
        var reply = Reply(("module_clashes", ErlangList.Empty), ("old_code", Reply(("count", ErlangInteger.Of(0)), ("modules", ErlangList.Empty))));

        var families = new BeamMetricMapper().Map(reply, BeamMetricNaming.PrometheusErlV6).ToDictionary(f => f.Name);

        Assert.Equal(0, families["erlang_vm_module_clashes"].Samples[0].Value);
        Assert.Equal(0, families["erlang_vm_old_code_modules"].Samples[0].Value);
        Assert.DoesNotContain("erlang_vm_module_clash_info", families.Keys);
        Assert.DoesNotContain("erlang_vm_old_code_module_info", families.Keys);
    }

    [Fact]
    public void An_agent_without_the_fields_produces_none_of_the_families()
    {
        var families = new BeamMetricMapper().Map(Reply(("module_clashes", ErlangAtom.Of("undefined"))), BeamMetricNaming.PrometheusErlV4);

        Assert.DoesNotContain(families, f => f.Name.Contains("clash", StringComparison.Ordinal) || f.Name.Contains("old_code", StringComparison.Ordinal));
    }
}
