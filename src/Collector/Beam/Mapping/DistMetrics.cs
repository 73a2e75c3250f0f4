using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// prometheus_vm_dist_collector: one entry per connected node under <c>dist</c>,
/// <c>[{Peer, #{state, inet, port, proc, queue_size}}]</c>. Only the <c>type="dist"</c> process is
/// reported (the TLS connection and sender processes of TLS distribution are not looked for).
/// </summary>
internal static class DistMetrics
{
    private static readonly (string Key, string Name, string Help)[] Inet =
    [
        ("recv_oct", "erlang_vm_dist_recv_bytes", "Number of bytes received by the socket."),
        ("recv_cnt", "erlang_vm_dist_recv_cnt", "Number of packets received by the socket."),
        ("recv_max", "erlang_vm_dist_recv_max_bytes", "Size of the largest packet, in bytes, received by the socket."),
        ("recv_avg", "erlang_vm_dist_recv_avg_bytes", "Average size of packets, in bytes, received by the socket."),
        ("recv_dvi", "erlang_vm_dist_recv_dvi_bytes", "Average packet size deviation, in bytes, received by the socket."),
        ("send_oct", "erlang_vm_dist_send_bytes", "Number of bytes sent from the socket."),
        ("send_cnt", "erlang_vm_dist_send_cnt", "Number of packets sent from the socket."),
        ("send_max", "erlang_vm_dist_send_max_bytes", "Size of the largest packet, in bytes, sent from the socket."),
        ("send_avg", "erlang_vm_dist_send_avg_bytes", "Average size of packets, in bytes, sent from the socket."),
        ("send_pend", "erlang_vm_dist_send_pend_bytes", "Number of bytes waiting to be sent by the socket."),
    ];

    private static readonly (string Key, string Name, string Help)[] Port =
    [
        ("input", "erlang_vm_dist_port_input_bytes", "The total number of bytes read from the port."),
        ("output", "erlang_vm_dist_port_output_bytes", "The total number of bytes written to the port."),
        ("memory", "erlang_vm_dist_port_memory_bytes",
            "The total number of bytes allocated for this port by the runtime system. The port itself can have allocated memory that is not included."),
        ("queue_size", "erlang_vm_dist_port_queue_size_bytes",
            "The total number of bytes queued by the port using the ERTS driver queue implementation."),
    ];

    private static readonly (string Key, string Name, string Help)[] Proc =
    [
        ("memory", "erlang_vm_dist_proc_memory_bytes",
            "The size in bytes of the process. This includes call stack, heap, and internal structures."),
        ("heap_size", "erlang_vm_dist_proc_heap_size_words",
            "The size in words of the youngest heap generation of the process. This generation includes the process stack. This information is highly implementation-dependent, and can change if the implementation changes."),
        ("min_heap_size", "erlang_vm_dist_proc_min_heap_size_words", "The minimum heap size for the process."),
        ("min_bin_vheap_size", "erlang_vm_dist_proc_min_bin_vheap_size_words", "The minimum binary virtual heap size for the process."),
        ("stack_size", "erlang_vm_dist_proc_stack_size_words", "The stack size, in words, of the process."),
        ("total_heap_size", "erlang_vm_dist_proc_total_heap_size_words",
            "The total size, in words, of all heap fragments of the process. This includes the process stack and any unreceived messages that are considered to be part of the heap."),
        ("message_queue_len", "erlang_vm_dist_proc_message_queue_len",
            "The number of messages currently in the message queue of the process."),
        ("reductions", "erlang_vm_dist_proc_reductions", "The number of reductions executed by the process."),
    ];

    private static readonly string[] ProcStatuses = ["exiting", "suspended", "runnable", "garbage_collecting", "running", "waiting"];
    private static readonly string[] NodeStates = ["pending", "up_pending", "up"];

    public static void Append(ErlangMap reply, BeamMappingContext ctx)
    {
        var peers = new List<(string Peer, ErlangTerm Info)>();
        foreach (var item in TermAccess.Items(TermAccess.Get(reply, "dist")))
        {
            if (item is ErlangTuple { Arity: 2 } t && TermAccess.TryText(t[0], out var peer) && peer.Length > 0)
            {
                peers.Add((peer, t[1]));
            }
        }

        if (peers.Count == 0)
        {
            return;
        }

        foreach (var (key, name, help) in Inet)
        {
            AppendPerPeer(peers, ctx, name, help, info => TermAccess.Get(TermAccess.Get(info, "inet"), key), withType: false);
        }

        foreach (var (key, name, help) in Port)
        {
            AppendPerPeer(peers, ctx, name, help, info => TermAccess.Get(TermAccess.Get(info, "port"), key), withType: false);
        }

        foreach (var (key, name, help) in Proc)
        {
            AppendPerPeer(peers, ctx, name, help, info => TermAccess.Get(TermAccess.Get(info, "proc"), key), withType: true);
        }

        AppendPerPeer(peers, ctx, "erlang_vm_dist_proc_status",
            "The current status of the distribution process. The status is represented as a numerical value where `exiting=1', `suspended=2', `runnable=3', `garbage_collecting=4', `running=5' and `waiting=6'.",
            info => Ordinal(TermAccess.Get(TermAccess.Get(info, "proc"), "status"), ProcStatuses), withType: true);
        AppendPerPeer(peers, ctx, "erlang_vm_dist_node_state",
            "The current state of the distribution link. The state is represented as a numerical value where `pending=1', `up_pending=2' and `up=3'.",
            info => Ordinal(TermAccess.Get(info, "state"), NodeStates), withType: false);
        AppendPerPeer(peers, ctx, "erlang_vm_dist_node_queue_size_bytes",
            "The number of bytes in the output distribution queue. This queue sits between the Erlang code and the port driver.",
            info => TermAccess.Get(info, "queue_size"), withType: false);
    }

    private static void AppendPerPeer(List<(string Peer, ErlangTerm Info)> peers, BeamMappingContext ctx, string name, string help,
        Func<ErlangTerm, ErlangTerm?> select, bool withType)
    {
        var family = ctx.Family(name, MetricType.Gauge, help);
        foreach (var (peer, info) in peers)
        {
            if (TermAccess.TryNumber(select(info), out var value))
            {
                family.Add(withType ? ctx.Labels("peer", peer, "type", "dist") : ctx.Labels("peer", peer), value);
            }
        }
    }

    // 1-based position of an atom in the list prometheus.erl numbers it by; null when unknown.
    private static ErlangInteger? Ordinal(ErlangTerm? term, string[] names)
    {
        if (term is ErlangAtom atom)
        {
            var index = Array.IndexOf(names, atom.Name);
            if (index >= 0)
            {
                return ErlangInteger.Of(index + 1);
            }
        }

        return null;
    }
}
