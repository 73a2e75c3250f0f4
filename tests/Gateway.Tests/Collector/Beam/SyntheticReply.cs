using Gateway.Erlang.Terms;

namespace Gateway.Tests.Collector.Beam;

/// <summary>A collect reply built in C#, shaped like the agent's (and like an agentless gateway would build it).</summary>
internal static class SyntheticReply
{
    public static ErlangMap Rich() => Map(
        ("agent_version", I(1)),
        ("node", A("n1@host")),
        ("otp_release", ErlangList.FromText("26")),
        ("erts_version", ErlangList.FromText("14.2")),
        ("uptime_ms", I(90_500)),
        ("memory", L(Pair("total", I(3000)), Pair("processes", I(1000)), Pair("processes_used", I(900)), Pair("system", I(2000)),
            Pair("atom", I(300)), Pair("atom_used", I(250)), Pair("binary", I(100)), Pair("code", I(700)), Pair("ets", I(200)))),
        ("ets_tables", I(20)),
        ("dets_tables", I(0)),
        ("statistics", Map(
            ("context_switches", T(I(8184), I(0))),
            ("garbage_collection", T(I(659), I(1000), I(0))),
            ("io", T(T(A("input"), I(20)), T(A("output"), I(60)))),
            ("reductions", T(ErlangTerm.Integer(System.Numerics.BigInteger.Pow(2, 70)), I(5))),
            ("run_queue", I(3)),
            ("runtime", T(I(309), I(309))),
            ("wall_clock", T(I(683), I(683))),
            ("run_queue_lengths_all", L(I(1), I(2), I(7), I(9))))),
        ("system_info", Map(
            ("schedulers_online", I(2)), ("wordsize", I(8)), ("process_count", I(38)), ("smp_support", A("true")),
            ("threads", A("false")), ("time_correction", A("true")), ("atom_count", I(13370)))),
        ("allocators", L(T(A("eheap_alloc"), I(0), A("mbcs"), I(1), I(262144), I(17), I(209328)))),
        ("dist", L(T(A("n2@host"), Map(
            ("state", A("up")),
            ("type", A("normal")),
            ("queue_size", I(0)),
            ("inet", L(Pair("recv_oct", I(100)), Pair("send_oct", I(200)), Pair("send_pend", I(0)))),
            ("port", L(Pair("input", I(100)), Pair("output", I(200)), Pair("memory", I(400)), Pair("queue_size", I(0)))),
            ("proc", L(Pair("memory", I(2000)), Pair("message_queue_len", I(0)), Pair("status", A("waiting")))))))),
        ("msacc", L(T(A("scheduler"), I(1), Map(("emulator", ErlangTerm.Float(0.25)), ("sleep", ErlangTerm.Float(9.5)))))),
        ("os_process", Map(("resident_memory_bytes", I(30_000_000)), ("utime_seconds", ErlangTerm.Float(0.3)), ("stime_seconds", ErlangTerm.Float(0.07)))),
        ("message_queues", Map(("total", I(550)), ("scanned", I(40)), ("processes", I(40)),
            ("top", L(T(ErlangTerm.Binary("<0.80.0>"), A("mq_hog"), I(500)),
                      T(ErlangTerm.Binary("<0.81.0>"), T(A("my_server"), A("init"), I(1)), I(50)),
                      T(ErlangTerm.Binary("<0.82.0>"), A("undefined"), I(3)))))),
        ("registered", I(26)),
        ("modules", I(152)),
        ("applications", L(T(A("kernel"), ErlangList.FromText("8.5.3")), T(A("stdlib"), ErlangList.FromText("4.2")))),
        ("mnesia", Map(("held_locks", I(0)), ("transaction_commits", I(12)), ("tables", L(T(A("schema"), I(1), I(4000)), T(A("users"), I(25), I(3000)))))),
        ("forwarding", Map(("installed", A("true")), ("logs_forwarded", I(3)), ("logs_dropped_rate", I(1)), ("logs_dropped_busy", I(0)))));

    public static ErlangMap Map(params (string Key, ErlangTerm Value)[] pairs) =>
        ErlangMap.Of(pairs.Select(p => ((ErlangTerm)ErlangAtom.Of(p.Key), p.Value)).ToArray());

    public static ErlangTuple Pair(string key, ErlangTerm value) => T(A(key), value);

    public static ErlangAtom A(string name) => ErlangAtom.Of(name);

    public static ErlangInteger I(long value) => ErlangInteger.Of(value);

    public static ErlangTuple T(params ErlangTerm[] elements) => new(elements);

    public static ErlangList L(params ErlangTerm[] elements) => ErlangList.Of(elements);
}
