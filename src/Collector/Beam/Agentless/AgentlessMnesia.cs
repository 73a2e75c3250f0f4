using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Agentless;

/// <summary>
/// The agent's <c>mnesia</c> entry from plain RPCs, when mnesia runs on the node:
/// <c>mnesia:system_info/1</c> items, <c>ets:info/2</c> of the lock tables, <c>mnesia_tm:get_info/1</c>,
/// and per table <c>mnesia:table_info(T, size | memory)</c> (memory in words, times the word size) for
/// at most <see cref="MaxTables"/> tables — the figures gateway_agent.erl reports.
/// </summary>
internal static class AgentlessMnesia
{
    /// <summary>Tables read per cycle (two RPCs each).</summary>
    public const int MaxTables = 200;

    private static readonly string[] Counters = ["transaction_failures", "transaction_commits", "transaction_log_writes", "transaction_restarts"];

    /// <param name="call">The RPC.</param>
    /// <param name="wordSize">erlang:system_info(wordsize), or null (memory is then left out).</param>
    /// <param name="callTimeoutMs">Bound for mnesia_tm:get_info/1, as the agent's call_timeout.</param>
    public static async Task<ErlangTerm?> CollectAsync(Func<string, string, ErlangTerm[], Task<ErlangTerm>> call, long? wordSize, long callTimeoutMs)
    {
        Task<ErlangTerm?> Info(string item) => AgentlessRpc.Optional(call("mnesia", "system_info", [ErlangAtom.Of(item)]));
        if (await Info("is_running") is not ErlangAtom { Name: "yes" })
        {
            return null;
        }
        var counters = Counters.Select(Info).ToArray();
        var dbNodes = Info("db_nodes");
        var running = Info("running_db_nodes");
        var tables = Info("tables");
        var held = AgentlessRpc.Optional(call("ets", "info", [ErlangAtom.Of("mnesia_held_locks"), ErlangAtom.Of("size")]));
        var queue = AgentlessRpc.Optional(call("ets", "info", [ErlangAtom.Of("mnesia_lock_queue"), ErlangAtom.Of("size")]));
        var tm = AgentlessRpc.Optional(call("mnesia_tm", "get_info", [ErlangInteger.Of(callTimeoutMs)]));

        var pairs = new List<(ErlangTerm, ErlangTerm)>();
        void Add(string key, ErlangTerm? value)
        {
            if (value is not null)
            {
                pairs.Add((ErlangAtom.Of(key), value));
            }
        }
        Add("held_locks", await held as ErlangInteger);
        Add("lock_queue", await queue as ErlangInteger);
        if (await tm is ErlangTuple { Arity: 3 } info && info[0].IsAtom("info") && info[1] is ErlangList participants && info[2] is ErlangList coordinators)
        {
            Add("transaction_participants", ErlangInteger.Of(participants.Count));
            Add("transaction_coordinators", ErlangInteger.Of(coordinators.Count));
        }
        for (var i = 0; i < Counters.Length; i++)
        {
            Add(Counters[i], await counters[i] as ErlangInteger);
        }
        Add("db_nodes", await dbNodes is ErlangList db ? ErlangInteger.Of(db.Count) : null);
        Add("running_db_nodes", await running is ErlangList up ? ErlangInteger.Of(up.Count) : null);
        if (await tables is ErlangList names)
        {
            var rows = names.OfType<ErlangAtom>().Take(MaxTables)
                .Select(table => TableAsync(call, table, wordSize))
                .ToArray();
            Add("tables", ErlangList.Of([.. await Task.WhenAll(rows)]));
        }
        return ErlangMap.Of([.. pairs]);
    }

    // {Table, Size, Bytes}; a figure the table does not give (not loaded here) is undefined.
    private static async Task<ErlangTerm> TableAsync(Func<string, string, ErlangTerm[], Task<ErlangTerm>> call, ErlangAtom table, long? wordSize)
    {
        var size = AgentlessRpc.Optional(call("mnesia", "table_info", [table, ErlangAtom.Of("size")]));
        var memory = AgentlessRpc.Optional(call("mnesia", "table_info", [table, ErlangAtom.Of("memory")]));
        ErlangTerm Number(ErlangTerm? term, long scale) =>
            term is not null && term.TryGetLong(out var n) ? ErlangInteger.Of(n * scale) : ErlangAtom.Of("undefined");
        var sizeTerm = Number(await size, 1);
        var memoryTerm = wordSize is { } w ? Number(await memory, w) : ErlangAtom.Of("undefined");
        return new ErlangTuple(table, sizeTerm, memoryTerm);
    }
}
