using System.Text;
using Gateway.Collector.Beam.Agentless;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;
using static Gateway.Tests.Collector.Beam.SyntheticReply;

namespace Gateway.Tests.Collector.Beam;

public sealed class AgentlessReductionTests
{
    private static readonly ErlangTuple Linux = T(A("unix"), A("linux"));

    private static ErlangTuple File(string text) => T(A("ok"), new ErlangBinary(Encoding.Latin1.GetBytes(text)));

    [Fact]
    public void Proc_files_become_the_agents_os_process_map()
    {
        var stat = File("4242 (beam.smp (x) y) S 1 4242 4242 0 -1 4194560 1200 0 7 0 250 40 0 0 20 0 23 0 5000 3000000000 9000 18446744073709551615\n");
        var status = File("Name:\tbeam.smp\nVmHWM:\t  80000 kB\nVmRSS:\t  70000 kB\nvoluntary_ctxt_switches:\t12\nnonvoluntary_ctxt_switches:\t3\n");
        var limits = File("Limit                     Soft Limit           Hard Limit           Units\nMax open files            1024                 524288               files\n");
        var procStat = File("cpu  1 2 3\nbtime 1764000000\n");
        var fds = T(A("ok"), L(ErlangList.FromText("0"), ErlangList.FromText("1"), ErlangList.FromText("2")));

        var map = (ErlangMap)AgentlessOsProcess.Build(Linux, stat, status, limits, procStat, fds, I(1_764_000_150_000))!;

        Assert.Equal(2.5, Value(map, "utime_seconds"));
        Assert.Equal(0.4, Value(map, "stime_seconds"));
        Assert.Equal(23, Value(map, "threads"));
        Assert.Equal(3_000_000_000, Value(map, "virtual_memory_bytes"));
        Assert.Equal(1200, Value(map, "minor_page_faults"));
        Assert.Equal(7, Value(map, "major_page_faults"));
        Assert.Equal(1_764_000_050, Value(map, "start_time_seconds"));
        Assert.Equal(100, Value(map, "uptime_seconds"));
        Assert.Equal(3, Value(map, "open_fds"));
        Assert.Equal(1024, Value(map, "max_fds"));
        Assert.Equal(70_000 * 1024, Value(map, "resident_memory_bytes"));
        Assert.Equal(80_000 * 1024, Value(map, "max_resident_memory_bytes"));
        Assert.Equal(12, Value(map, "voluntary_context_switches"));
        Assert.Equal(3, Value(map, "involuntary_context_switches"));
    }

    [Fact]
    public void Not_linux_or_no_stat_gives_nothing()
    {
        Assert.Null(AgentlessOsProcess.Build(T(A("win32"), A("nt")), File("1 (x) S"), null, null, null, null, null));
        Assert.Null(AgentlessOsProcess.Build(Linux, T(A("error"), A("enoent")), null, null, null, null, null));
        Assert.Null(AgentlessOsProcess.Build(null, null, null, null, null, null, null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no parenthesis at all")]
    [InlineData("1 (x) S 1 2")]
    [InlineData("1 (x) S a b c d e f g h i j k l m n o p q r s t u v w x y z")]
    [InlineData("1 (x) S 1 1 1 1 1 1 1 99999999999999999999999999 1 1 1 1 1")]
    public void Damaged_proc_text_drops_fields_and_never_throws(string statText)
    {
        var map = AgentlessOsProcess.Build(Linux, File(statText), File("VmRSS: lots"), File("Max open files unlimited"), File("btime x"),
            T(A("ok"), A("not_a_list")), A("later"));

        var fields = Assert.IsType<ErlangMap>(map);
        Assert.False(fields.TryGetValue("max_fds", out _));
        Assert.False(fields.TryGetValue("resident_memory_bytes", out _));
        Assert.False(fields.TryGetValue("open_fds", out _));
        Assert.False(fields.TryGetValue("start_time_seconds", out _));
    }

    [Fact]
    public void Microstate_accounting_is_converted_to_seconds_once_something_was_counted()
    {
        ErlangMap Thread(string type, long id, long emulator) =>
            ErlangMap.Of((A("type"), A(type)), (A("id"), I(id)), (A("counters"), ErlangMap.Of((A("emulator"), I(emulator)), (A("sleep"), I(0)))));

        var converted = (ErlangList)AgentlessMsacc.Convert(L(Thread("scheduler", 1, 2_000_000), A("junk"), Thread("aux", 1, 0)), I(1_000_000))!;

        Assert.Equal(2, converted.Count);
        var first = (ErlangTuple)converted[0];
        Assert.Equal(A("scheduler"), first[0]);
        Assert.Equal(2.0, ((ErlangMap)first[2])["emulator"].TryGetDouble(out var seconds) ? seconds : -1);
        Assert.Null(AgentlessMsacc.Convert(L(Thread("scheduler", 1, 0)), I(1_000_000)));
        Assert.Null(AgentlessMsacc.Convert(A("undefined"), I(1_000_000)));
        Assert.Null(AgentlessMsacc.Convert(L(Thread("scheduler", 1, 5)), I(0)));
    }

    [Fact]
    public async Task Allocator_info_is_reduced_like_the_agent_and_odd_shapes_are_skipped()
    {
        var blocks = L(T(A("binary_alloc"), L(T(A("count"), I(3)), T(A("size"), I(300)))), T(A("other"), L(T(A("count"), I(2)), T(A("size"), I(20)))));
        var instance0 = T(A("instance"), I(0), L(
            T(A("versions"), ErlangList.FromText("0.9"), ErlangList.FromText("3.0")),
            T(A("mbcs"), L(T(A("blocks"), blocks), T(A("carriers"), I(4), I(4), I(4)), T(A("carriers_size"), I(4096), I(4096), I(4096)))),
            T(A("sbcs"), L(T(A("blocks"), I(1), I(1), I(1)), T(A("blocks_size"), I(64), I(64), I(64)), T(A("carriers"), I(1)), T(A("carriers_size"), I(128)))),
            T(A("calls"), L())));
        var replies = new Dictionary<string, ErlangTerm>
        {
            ["alloc_util_allocators"] = L(A("binary_alloc"), A("broken_alloc"), A("failing_alloc")),
            ["binary_alloc"] = L(instance0, T(A("instance"), A("bad")), A("junk")),
            ["broken_alloc"] = A("false"),
        };
        Task<ErlangTerm> Call(string module, string function, ErlangTerm[] args)
        {
            var key = args[0] is ErlangTuple { Arity: 2 } t ? ((ErlangAtom)t[1]).Name : ((ErlangAtom)args[0]).Name;
            return replies.TryGetValue(key, out var reply)
                ? Task.FromResult(reply)
                : Task.FromException<ErlangTerm>(new ErlangRpcException("node", module, function, args.Length, A("badarg")));
        }

        var rows = (ErlangList)(await AgentlessAllocators.CollectAsync(Call))!;

        Assert.Equal(
            [
                T(A("binary_alloc"), I(0), A("mbcs"), I(4), I(4096), I(5), I(320)),
                T(A("binary_alloc"), I(0), A("sbcs"), I(1), I(128), I(1), I(64)),
            ],
            rows.ToArray());
    }

    [Fact]
    public async Task Distribution_links_are_read_per_peer_like_the_agent()
    {
        var owner = new ErlangPid(A("n1@host"), 50, 0, 1);
        var port = new ErlangPort(A("n1@host"), 7, 1);
        // Async, as the real RPC: a failure is a faulted task.
        async Task<ErlangTerm> Call(string module, string function, ErlangTerm[] args)
        {
            await Task.Yield();
            return Answer(module, function, args);
        }
        ErlangTerm Answer(string module, string function, ErlangTerm[] args) => (module, function) switch
        {
            ("net_kernel", "nodes_info") => T(A("ok"), L(
                T(A("n2@host"), L(T(A("owner"), owner), T(A("state"), A("up")), T(A("type"), A("normal")))),
                T(A("hidden@host"), L(T(A("state"), A("pending")))),
                A("junk"))),
            ("erlang", "system_info") => L(T(A("n2@host"), port), T(A("hidden@host"), A("not_a_port"))),
            ("erlang", "process_info") => L(T(A("memory"), I(2000)), T(A("status"), A("waiting"))),
            ("inet", "getstat") => T(A("ok"), L(T(A("recv_oct"), I(100)), T(A("send_oct"), I(200)))),
            ("erlang", "port_info") => T(args[1], I(9)),
            ("ets", "lookup_element") => args[1].Equals(A("n2@host")) ? I(77) : throw new ErlangRpcException("n", "ets", "lookup_element", 3, A("badarg")),
            ("erlang", "dist_get_stat") => T(A("ok"), I(1), I(2), I(4096)),
            _ => throw new ErlangRpcException("n", module, function, args.Length, A("undef")),
        };

        var peers = ((ErlangList)(await AgentlessDist.CollectAsync(Call))!).Cast<ErlangTuple>().ToDictionary(t => ((ErlangAtom)t[0]).Name, t => (ErlangMap)t[1]);

        Assert.Equal(["hidden@host", "n2@host"], peers.Keys.Order(StringComparer.Ordinal));
        var n2 = peers["n2@host"];
        Assert.Equal(A("up"), n2["state"]);
        Assert.Equal(I(4096), n2["queue_size"]);
        Assert.Equal(L(T(A("memory"), I(2000)), T(A("status"), A("waiting"))), n2["proc"]);
        Assert.Equal(L(T(A("recv_oct"), I(100)), T(A("send_oct"), I(200))), n2["inet"]);
        Assert.Equal(L(T(A("input"), I(9)), T(A("output"), I(9)), T(A("memory"), I(9)), T(A("queue_size"), I(9))), n2["port"]);
        var hidden = peers["hidden@host"];
        Assert.Equal(A("undefined"), hidden["queue_size"]);
        Assert.Equal(A("undefined"), hidden["proc"]);
        Assert.False(hidden.TryGetValue("port", out _));
    }

    [Fact]
    public async Task Without_nodes_info_there_is_no_dist_entry()
    {
        Task<ErlangTerm> Call(string module, string function, ErlangTerm[] args) =>
            Task.FromException<ErlangTerm>(new ErlangRpcException("n", module, function, args.Length, A("undef")));

        Assert.Null(await AgentlessDist.CollectAsync(Call));
    }

    [Fact]
    public async Task Mnesia_figures_come_from_system_info_and_table_info_and_a_table_not_loaded_is_undefined()
    {
        async Task<ErlangTerm> Call(string module, string function, ErlangTerm[] args)
        {
            await Task.Yield();
            var first = args.Length > 0 ? args[0] : A("none");
            return (module, function, args.Length > 1 ? args[1] : null) switch
            {
                ("mnesia", "system_info", _) when first.Equals(A("is_running")) => A("yes"),
                ("mnesia", "system_info", _) when first.Equals(A("tables")) => L(A("schema"), A("ghost")),
                ("mnesia", "system_info", _) when first.Equals(A("db_nodes")) => L(A("a@h"), A("b@h")),
                ("mnesia", "system_info", _) when first.Equals(A("running_db_nodes")) => L(A("a@h")),
                ("mnesia", "system_info", _) => I(5),
                ("mnesia", "table_info", _) when first.Equals(A("ghost")) => throw new ErlangRpcException("n", module, function, 2, A("no_exists")),
                ("mnesia", "table_info", { } item) when item.Equals(A("size")) => I(3),
                ("mnesia", "table_info", _) => I(100),
                ("ets", "info", _) => I(2),
                ("mnesia_tm", "get_info", _) => T(A("info"), L(A("p1")), L()),
                _ => throw new ErlangRpcException("n", module, function, args.Length, A("undef")),
            };
        }

        var map = (ErlangMap)(await AgentlessMnesia.CollectAsync(Call, 8, 1000))!;

        Assert.Equal(I(2), map["held_locks"]);
        Assert.Equal(I(1), map["transaction_participants"]);
        Assert.Equal(I(0), map["transaction_coordinators"]);
        Assert.Equal(I(5), map["transaction_commits"]);
        Assert.Equal(I(2), map["db_nodes"]);
        Assert.Equal(I(1), map["running_db_nodes"]);
        Assert.Equal(L(T(A("schema"), I(3), I(800)), T(A("ghost"), A("undefined"), A("undefined"))), map["tables"]);
    }

    [Fact]
    public async Task Mnesia_not_running_gives_no_entry()
    {
        Task<ErlangTerm> Call(string module, string function, ErlangTerm[] args) => Task.FromResult<ErlangTerm>(A("no"));

        Assert.Null(await AgentlessMnesia.CollectAsync(Call, 8, 1000));
    }

    private static double Value(ErlangMap map, string key)
    {
        Assert.True(map.TryGetValue(key, out var value), key + " is missing");
        Assert.True(value.TryGetDouble(out var number), key + " is not a number");
        return number;
    }
}
