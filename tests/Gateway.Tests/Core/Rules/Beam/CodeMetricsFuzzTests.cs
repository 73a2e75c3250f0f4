using Gateway.Collector.Beam;
using Gateway.Core.Rules.Beam;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Erlang.Terms;

namespace Gateway.Tests.Core.Rules.Beam;

public sealed class CodeMetricsFuzzTests
{
    private static ErlangMap Base() => new(
        new KeyValuePair<ErlangTerm, ErlangTerm>(ErlangAtom.Of("module_clashes"), ErlangList.Of(
            ErlangTerm.Tuple(ErlangTerm.Binary("clashmod"), ErlangList.Of(ErlangTerm.Binary("/a"), ErlangTerm.Binary("/b"))),
            ErlangTerm.Tuple(ErlangTerm.Binary("other"), ErlangList.Of(ErlangTerm.Binary("/c"), ErlangTerm.Binary("/d"))))),
        new KeyValuePair<ErlangTerm, ErlangTerm>(ErlangAtom.Of("old_code"), new ErlangMap(
            new KeyValuePair<ErlangTerm, ErlangTerm>(ErlangAtom.Of("count"), ErlangInteger.Of(2)),
            new KeyValuePair<ErlangTerm, ErlangTerm>(ErlangAtom.Of("modules"), ErlangList.Of(ErlangAtom.Of("m1"), ErlangAtom.Of("m2"))))));

    [Fact]
    public void Mutated_code_fields_map_and_evaluate_without_crashing()
    {
        var random = new Random(20261126);
        var mapper = new BeamMetricMapper();
        var evaluator = new BeamAlarmEvaluator(new BeamAlarmOptions());
        for (var i = 0; i < 3000; i++)
        {
            // The reply itself stays a map (anything else is BeamReplyException, tested elsewhere).
            var reply = new ErlangMap([.. Base().Select(kv => new KeyValuePair<ErlangTerm, ErlangTerm>(kv.Key, Mutate(kv.Value, random, 1)))]);
            var families = mapper.Map(reply, i % 2 == 0 ? BeamMetricNaming.PrometheusErlV4 : BeamMetricNaming.PrometheusErlV6);
            var snapshot = new NodeSnapshot(new NodeKey("beam", "n1@host"), DateTimeOffset.UnixEpoch, families, LabelSet.Empty);

            var conditions = evaluator.Evaluate(snapshot, GroupApplications.Empty);

            Assert.All(conditions, c => Assert.False(string.IsNullOrEmpty(c.Resource)));
        }
    }

    private static ErlangTerm Mutate(ErlangTerm term, Random random, int depth)
    {
        if (random.Next(6) == 0)
        {
            return RandomTerm(random, depth);
        }
        return term switch
        {
            ErlangMap map => new ErlangMap([.. map.Select(kv => new KeyValuePair<ErlangTerm, ErlangTerm>(kv.Key, Mutate(kv.Value, random, depth + 1)))]),
            ErlangList list => ErlangList.Of([.. TermItems(list).Select(t => Mutate(t, random, depth + 1))]),
            ErlangTuple tuple => ErlangTerm.Tuple([.. Enumerable.Range(0, tuple.Arity).Select(i => Mutate(tuple[i], random, depth + 1))]),
            _ => term,
        };
    }

    private static IEnumerable<ErlangTerm> TermItems(ErlangList list)
    {
        foreach (var item in list)
        {
            yield return item;
        }
    }

    private static ErlangTerm RandomTerm(Random random, int depth) => (depth > 3 ? random.Next(4) : random.Next(7)) switch
    {
        0 => ErlangInteger.Of(random.Next(-5, 5)),
        1 => ErlangAtom.Of(random.Next(3) switch { 0 => "undefined", 1 => "", _ => "m" + random.Next(3) }),
        2 => ErlangTerm.Binary(random.Next(2) == 0 ? string.Empty : ":/x:" + random.Next(9)),
        3 => ErlangList.Empty,
        4 => ErlangList.Of(RandomTerm(random, depth + 1), RandomTerm(random, depth + 1)),
        5 => ErlangTerm.Tuple(RandomTerm(random, depth + 1), RandomTerm(random, depth + 1)),
        _ => new ErlangMap(new KeyValuePair<ErlangTerm, ErlangTerm>(ErlangAtom.Of("count"), RandomTerm(random, depth + 1))),
    };
}
