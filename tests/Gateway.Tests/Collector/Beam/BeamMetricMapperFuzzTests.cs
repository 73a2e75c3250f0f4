using System.Numerics;
using Gateway.Collector.Beam;
using Gateway.Erlang.Terms;

namespace Gateway.Tests.Collector.Beam;

public sealed class BeamMetricMapperFuzzTests
{
    private static readonly string[] Keys =
    [
        "memory", "statistics", "system_info", "allocators", "dist", "os_process", "message_queues", "mnesia",
        "applications", "forwarding", "installed", "true", "false", "undefined", "total", "top", "tables", "io",
        "run_queue_lengths_all", "schedulers_online", "wordsize", "inet", "proc", "port", "state", "up",
    ];

    private readonly BeamMetricMapper mapper = new();

    [Fact]
    public void Randomly_mutated_replies_map_or_throw_BeamReplyException()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 3000; i++)
        {
            var reply = Mutate(SyntheticReply.Rich(), random, 0);
            AssertMapsOrRejects(reply, i % 2 == 0 ? BeamMetricNaming.PrometheusErlV4 : BeamMetricNaming.PrometheusErlV6);
        }
    }

    [Fact]
    public void Random_terms_in_place_of_the_whole_reply_map_or_throw_BeamReplyException()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            AssertMapsOrRejects(RandomTerm(random, 0), BeamMetricNaming.PrometheusErlV4);
        }
    }

    [Fact]
    public void Replies_decoded_from_corrupted_bytes_map_or_throw_BeamReplyException()
    {
        var random = new Random(11);
        var bytes = TermEncoder.ToBytes(SyntheticReply.Rich());
        for (var i = 0; i < 3000; i++)
        {
            var copy = (byte[])bytes.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                copy[random.Next(1, copy.Length)] = (byte)random.Next(256);
            }

            ErlangTerm term;
            try
            {
                term = TermDecoder.Decode(copy);
            }
            catch (TermFormatException)
            {
                continue;
            }

            AssertMapsOrRejects(term, BeamMetricNaming.PrometheusErlV4);
        }
    }

    private void AssertMapsOrRejects(ErlangTerm reply, BeamMetricNaming naming)
    {
        try
        {
            var families = mapper.Map(reply, naming);
            foreach (var family in families)
            {
                Assert.NotEmpty(family.Samples);
                Assert.Equal(family.Samples.Count, family.Samples.Select(s => s.Labels).Distinct().Count());
            }
        }
        catch (BeamReplyException)
        {
            // The one failure the contract allows.
        }
    }

    private static ErlangTerm Mutate(ErlangTerm term, Random random, int depth)
    {
        if (depth > 6 || random.Next(12) == 0)
        {
            return random.Next(3) == 0 ? term : RandomTerm(random, depth);
        }

        switch (term)
        {
            case ErlangMap map:
                var pairs = new List<(ErlangTerm Key, ErlangTerm Value)>();
                foreach (var pair in map)
                {
                    if (random.Next(8) != 0)
                    {
                        pairs.Add((pair.Key, Mutate(pair.Value, random, depth + 1)));
                    }
                }

                if (random.Next(6) == 0)
                {
                    pairs.Add((ErlangAtom.Of(Keys[random.Next(Keys.Length)]), RandomTerm(random, depth + 1)));
                }

                return ErlangMap.Of(pairs.DistinctBy(p => p.Key).ToArray());
            case ErlangList { IsEmpty: false } list when term is not ErlangCharList:
                var items = new List<ErlangTerm>();
                foreach (var item in list.Elements)
                {
                    if (random.Next(8) != 0)
                    {
                        items.Add(Mutate(item, random, depth + 1));
                    }

                    if (random.Next(10) == 0)
                    {
                        items.Add(item);
                    }
                }

                if (items.Count > 0 && random.Next(15) == 0)
                {
                    return ErlangList.Improper(RandomTerm(random, depth + 1), items.ToArray());
                }

                return ErlangList.Of(items.ToArray());
            case ErlangTuple tuple:
                var elements = tuple.Select(e => Mutate(e, random, depth + 1)).ToList();
                if (random.Next(8) == 0 && elements.Count > 0)
                {
                    elements.RemoveAt(random.Next(elements.Count));
                }

                if (random.Next(8) == 0)
                {
                    elements.Add(RandomTerm(random, depth + 1));
                }

                return new ErlangTuple(elements.ToArray());
            default:
                return random.Next(4) == 0 ? RandomTerm(random, depth) : term;
        }
    }

    private static ErlangTerm RandomTerm(Random random, int depth)
    {
        var limit = depth > 4 ? 8 : 12;
        switch (random.Next(limit))
        {
            case 0: return ErlangAtom.Of(Keys[random.Next(Keys.Length)]);
            case 1: return ErlangInteger.Of(random.NextInt64(long.MinValue, long.MaxValue));
            case 2: return ErlangTerm.Integer(BigInteger.Pow(-3, random.Next(40, 400)));
            case 3: return ErlangTerm.Float(random.Next(4) switch { 0 => double.NaN, 1 => double.PositiveInfinity, 2 => -0.0, _ => random.NextDouble() * 1e300 });
            case 4:
                var bytes = new byte[random.Next(0, 40)];
                random.NextBytes(bytes);
                return new ErlangBinary(bytes);
            case 5: return ErlangList.FromText(new string((char)random.Next(1, 0x3000), random.Next(1, 20)));
            case 6: return ErlangList.Empty;
            case 7: return new ErlangPid(ErlangAtom.Of("n@h"), (uint)random.Next(), (uint)random.Next(), 1);
            case 8: return new ErlangTuple(Enumerable.Range(0, random.Next(0, 8)).Select(_ => RandomTerm(random, depth + 1)).ToArray());
            case 9: return ErlangList.Of(Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomTerm(random, depth + 1)).ToArray());
            case 10:
                return ErlangMap.Of(Enumerable.Range(0, random.Next(0, 5))
                    .Select(_ => ((ErlangTerm)ErlangAtom.Of(Keys[random.Next(Keys.Length)]), RandomTerm(random, depth + 1)))
                    .DistinctBy(p => p.Item1).ToArray());
            default: return ErlangTuple.Empty;
        }
    }
}
