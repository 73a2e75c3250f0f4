using Gateway.Collector.Beam.Mapping;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Agentless;

/// <summary>
/// The agent's <c>dist</c> entry from plain RPCs: <c>net_kernel:nodes_info()</c> and
/// <c>erlang:system_info(dist_ctrl)</c>, then per peer (all in flight) the distribution process
/// (<c>erlang:process_info(Owner, Items)</c>), the port (<c>inet:getstat/1</c>, <c>erlang:port_info/2</c>)
/// and the output queue (<c>ets:lookup_element(sys_dist, Peer, 3)</c> + <c>erlang:dist_get_stat/1</c>),
/// giving <c>[{Peer, #{state, type, queue_size, proc, inet, port}}]</c> as gateway_agent.erl does. About
/// nine small RPCs per peer, so at most <see cref="MaxPeers"/> peers are read.
/// </summary>
internal static class AgentlessDist
{
    /// <summary>Peers read per cycle; a node with more connections reports the first ones.</summary>
    public const int MaxPeers = 100;

    private static readonly ErlangTerm ProcItems = ErlangList.Of(
        [.. new[] { "memory", "heap_size", "min_heap_size", "min_bin_vheap_size", "stack_size", "total_heap_size", "message_queue_len", "reductions", "status" }
            .Select(i => (ErlangTerm)ErlangAtom.Of(i))]);

    private static readonly string[] PortItems = ["input", "output", "memory", "queue_size"];

    public static async Task<ErlangTerm?> CollectAsync(Func<string, string, ErlangTerm[], Task<ErlangTerm>> call)
    {
        var nodesInfo = AgentlessRpc.Optional(call("net_kernel", "nodes_info", []));
        var ctrl = AgentlessRpc.Optional(call("erlang", "system_info", [ErlangAtom.Of("dist_ctrl")]));
        if (await nodesInfo is not ErlangTuple { Arity: 2 } ok || !ok[0].IsAtom("ok") || ok[1] is not ErlangList nodes)
        {
            return null;
        }
        var controllers = await ctrl as ErlangList;
        var peers = nodes
            .OfType<ErlangTuple>()
            .Where(t => t.Arity == 2 && t[0] is ErlangAtom && t[1] is ErlangList)
            .Take(MaxPeers)
            .Select(t => PeerAsync(call, (ErlangAtom)t[0], (ErlangList)t[1], controllers))
            .ToArray();
        return ErlangList.Of([.. await Task.WhenAll(peers)]);
    }

    private static async Task<ErlangTerm> PeerAsync(Func<string, string, ErlangTerm[], Task<ErlangTerm>> call, ErlangAtom peer, ErlangList info, ErlangList? controllers)
    {
        var owner = TermAccess.Get(info, "owner");
        var queue = QueueSizeAsync(call, peer);
        var proc = owner is ErlangPid pid ? AgentlessRpc.Optional(call("erlang", "process_info", [pid, ProcItems])) : Task.FromResult<ErlangTerm?>(null);
        var port = controllers?.OfType<ErlangTuple>().FirstOrDefault(t => t.Arity == 2 && t[0].Equals(peer) && t[1] is ErlangPort)?[1];
        var inet = port is null ? Task.FromResult<ErlangTerm?>(null) : AgentlessRpc.Optional(call("inet", "getstat", [port]));
        var portInfo = port is null
            ? []
            : PortItems.Select(item => AgentlessRpc.Optional(call("erlang", "port_info", [port, ErlangAtom.Of(item)]))).ToArray();

        var pairs = new List<(ErlangTerm, ErlangTerm)>
        {
            (ErlangAtom.Of("state"), TermAccess.Get(info, "state") ?? ErlangAtom.Of("undefined")),
            (ErlangAtom.Of("type"), TermAccess.Get(info, "type") ?? ErlangAtom.Of("undefined")),
            (ErlangAtom.Of("queue_size"), await queue ?? ErlangAtom.Of("undefined")),
            (ErlangAtom.Of("proc"), await proc is ErlangList procInfo ? procInfo : ErlangAtom.Of("undefined")),
        };
        if (port is not null)
        {
            pairs.Add((ErlangAtom.Of("inet"), await inet is ErlangTuple { Arity: 2 } stat && stat[0].IsAtom("ok") ? stat[1] : ErlangAtom.Of("undefined")));
            var items = new List<ErlangTerm>();
            foreach (var item in portInfo)
            {
                if (await item is ErlangTuple tuple)
                {
                    items.Add(tuple);
                }
            }
            pairs.Add((ErlangAtom.Of("port"), ErlangList.Of([.. items])));
        }
        return new ErlangTuple(peer, ErlangMap.Of([.. pairs]));
    }

    // Bytes in the output queue: false = 0, true = -1 (unknown), N; null when anything is unexpected.
    private static async Task<ErlangTerm?> QueueSizeAsync(Func<string, string, ErlangTerm[], Task<ErlangTerm>> call, ErlangAtom peer)
    {
        var connection = await AgentlessRpc.Optional(call("ets", "lookup_element", [ErlangAtom.Of("sys_dist"), peer, ErlangInteger.Of(3)]));
        if (connection is null)
        {
            return null;
        }
        var stat = await AgentlessRpc.Optional(call("erlang", "dist_get_stat", [connection]));
        if (stat is not ErlangTuple { Arity: 4 } t || !t[0].IsAtom("ok"))
        {
            return null;
        }
        return t[3] switch
        {
            ErlangAtom { Name: "false" } => ErlangInteger.Of(0),
            ErlangAtom { Name: "true" } => ErlangInteger.Of(-1),
            ErlangInteger n => n,
            _ => null,
        };
    }
}
