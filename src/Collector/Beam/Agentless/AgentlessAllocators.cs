using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Agentless;

/// <summary>
/// The agent's <c>allocators</c> entry built from plain RPCs: <c>erlang:system_info(alloc_util_allocators)</c>,
/// then <c>erlang:system_info({allocator, A})</c> for each, reduced here the way gateway_agent.erl
/// reduces them to <c>[{Alloc, InstanceNo, Kind, Carriers, CarriersSize, Blocks, BlocksSize}]</c> for
/// the kinds mbcs, mbcs_pool and sbcs. Anything shaped otherwise is skipped.
/// </summary>
internal static class AgentlessAllocators
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "mbcs", "mbcs_pool", "sbcs" };

    public static async Task<ErlangTerm?> CollectAsync(Func<string, string, ErlangTerm[], Task<ErlangTerm>> call)
    {
        var names = await AgentlessRpc.Optional(call("erlang", "system_info", [ErlangAtom.Of("alloc_util_allocators")]));
        if (names is not ErlangList list)
        {
            return null;
        }
        var allocators = list.OfType<ErlangAtom>().ToArray();
        var infos = allocators
            .Select(a => AgentlessRpc.Optional(call("erlang", "system_info", [new ErlangTuple(ErlangAtom.Of("allocator"), a)])))
            .ToArray();
        var rows = new List<ErlangTerm>();
        for (var i = 0; i < allocators.Length; i++)
        {
            if (await infos[i] is ErlangList instances)
            {
                Reduce(allocators[i], instances, rows);
            }
        }
        return ErlangList.Of([.. rows]);
    }

    private static void Reduce(ErlangAtom alloc, ErlangList instances, List<ErlangTerm> rows)
    {
        foreach (var instance in instances)
        {
            if (instance is not ErlangTuple { Arity: 3 } t || !t[0].IsAtom("instance") || t[2] is not ErlangList info)
            {
                continue;
            }
            foreach (var entry in info)
            {
                if (entry is ErlangTuple { Arity: 2 } kindProps && kindProps[0] is ErlangAtom kind && Kinds.Contains(kind.Name)
                    && kindProps[1] is ErlangList props)
                {
                    rows.Add(new ErlangTuple(
                        alloc, t[1], kind,
                        ErlangInteger.Of(FirstValue("carriers", props)),
                        ErlangInteger.Of(FirstValue("carriers_size", props)),
                        ErlangInteger.Of(BlockFigure("count", "blocks", props)),
                        ErlangInteger.Of(BlockFigure("size", "blocks_size", props))));
                }
            }
        }
    }

    // The second element of the first tuple tagged Key, when it is an integer; else 0.
    private static long FirstValue(string key, ErlangList props)
    {
        foreach (var item in props)
        {
            if (item is ErlangTuple { Arity: >= 2 } t && t[0].IsAtom(key))
            {
                return t[1].TryGetLong(out var value) ? value : 0;
            }
        }
        return 0;
    }

    // OTP 23+: {blocks, [{Type, [{count, N}, {size, N} ...]}]} summed over the types; older: the flat key.
    private static long BlockFigure(string newKey, string oldKey, ErlangList props)
    {
        foreach (var item in props)
        {
            if (item is ErlangTuple { Arity: 2 } t && t[0].IsAtom("blocks") && t[1] is ErlangList perType)
            {
                long sum = 0;
                foreach (var type in perType)
                {
                    if (type is ErlangTuple { Arity: 2 } typed && typed[1] is ErlangList figures)
                    {
                        sum += FirstValue(newKey, figures);
                    }
                }
                return sum;
            }
        }
        return newKey == "count" ? FirstValue("blocks", props) : FirstValue(oldKey, props);
    }
}
