using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Agentless;

/// <summary>
/// The agent's <c>msacc</c> entry from plain RPCs: <c>erlang:statistics(microstate_accounting)</c> and
/// <c>erlang:convert_time_unit(1, second, perf_counter)</c>, converted to
/// <c>[{Type, Id, #{State => Seconds}}]</c> — only once some counter is non-zero, as the agent does.
/// </summary>
internal static class AgentlessMsacc
{
    public static ErlangTerm? Convert(ErlangTerm? threads, ErlangTerm? perSecond)
    {
        if (threads is not ErlangList list || perSecond is null || !perSecond.TryGetDouble(out var ticksPerSecond) || ticksPerSecond <= 0)
        {
            return null;
        }
        var rows = new List<ErlangTerm>();
        var counted = false;
        foreach (var thread in list)
        {
            if (thread is not ErlangMap map
                || !map.TryGetValue("type", out var type)
                || !map.TryGetValue("id", out var id)
                || !map.TryGetValue("counters", out var countersTerm) || countersTerm is not ErlangMap counters)
            {
                continue;
            }
            var seconds = new List<(ErlangTerm, ErlangTerm)>();
            foreach (var (state, ticks) in counters)
            {
                if (ticks.TryGetDouble(out var value))
                {
                    counted |= value > 0;
                    seconds.Add((state, ErlangTerm.Float(value / ticksPerSecond)));
                }
            }
            rows.Add(new ErlangTuple(type, id, ErlangMap.Of([.. seconds])));
        }
        return counted ? ErlangList.Of([.. rows]) : null;
    }
}
