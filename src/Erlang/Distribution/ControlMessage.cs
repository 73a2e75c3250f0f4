using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Distribution;

/// <summary>
/// One distribution signal: a control message and, for sends, the message it carries. Fields that an
/// operation does not have are null. Received PAYLOAD_* exits arrive with their payload in
/// <see cref="Reason"/>, so exit and down handling does not care which form the peer used.
/// </summary>
public sealed record ControlMessage
{
    private static readonly ErlangAtom Unused = ErlangAtom.Of(string.Empty);

    public required ControlOperation Operation { get; init; }

    /// <summary>The sending process (a pid; for MONITOR_P_EXIT the monitored process, a pid or name).</summary>
    public ErlangTerm? From { get; init; }

    /// <summary>The target: a pid, a registered name (atom) or an alias (reference).</summary>
    public ErlangTerm? To { get; init; }

    /// <summary>The monitor reference of MONITOR_P, DEMONITOR_P and MONITOR_P_EXIT.</summary>
    public ErlangTerm? Reference { get; init; }

    /// <summary>The exit or down reason.</summary>
    public ErlangTerm? Reason { get; init; }

    /// <summary>The id of UNLINK_ID and UNLINK_ID_ACK.</summary>
    public ErlangTerm? UnlinkId { get; init; }

    /// <summary>The sequential trace token of the *_TT variants.</summary>
    public ErlangTerm? TraceToken { get; init; }

    /// <summary>The message of a send; the argument list of a spawn request.</summary>
    public ErlangTerm? Message { get; init; }

    /// <summary>SPAWN_REQUEST: the group leader of the new process.</summary>
    public ErlangTerm? GroupLeader { get; init; }

    /// <summary>SPAWN_REQUEST: the entry point <c>{Module, Function, Arity}</c>.</summary>
    public ErlangTerm? Entry { get; init; }

    /// <summary>SPAWN_REQUEST: the spawn options list. SPAWN_REPLY: the flags (1 = linked, 2 = monitored).</summary>
    public ErlangTerm? Options { get; init; }

    /// <summary>SPAWN_REPLY: the new pid, or an atom naming why the spawn failed.</summary>
    public ErlangTerm? Result { get; init; }

    /// <summary>The whole control tuple as received (null for messages we built).</summary>
    public ErlangTuple? Raw { get; init; }

    /// <summary>SEND_SENDER (OTP 21+ with DFLAG_SEND_SENDER) or, without a sender, SEND.</summary>
    public static ControlMessage Send(ErlangPid? from, ErlangPid to, ErlangTerm message) => from is null
        ? new() { Operation = ControlOperation.Send, From = Unused, To = to, Message = message }
        : new() { Operation = ControlOperation.SendSender, From = from, To = to, Message = message };

    public static ControlMessage RegSend(ErlangPid from, ErlangAtom toName, ErlangTerm message) =>
        new() { Operation = ControlOperation.RegSend, From = from, To = toName, Message = message };

    public static ControlMessage Link(ErlangPid from, ErlangPid to) =>
        new() { Operation = ControlOperation.Link, From = from, To = to };

    public static ControlMessage Exit(ErlangPid from, ErlangPid to, ErlangTerm reason) =>
        new() { Operation = ControlOperation.Exit, From = from, To = to, Reason = reason };

    public static ControlMessage Exit2(ErlangPid from, ErlangPid to, ErlangTerm reason) =>
        new() { Operation = ControlOperation.Exit2, From = from, To = to, Reason = reason };

    public static ControlMessage MonitorP(ErlangPid from, ErlangTerm toProcess, ErlangRef reference) =>
        new() { Operation = ControlOperation.MonitorP, From = from, To = toProcess, Reference = reference };

    public static ControlMessage DemonitorP(ErlangPid from, ErlangTerm toProcess, ErlangRef reference) =>
        new() { Operation = ControlOperation.DemonitorP, From = from, To = toProcess, Reference = reference };

    public static ControlMessage MonitorPExit(ErlangTerm fromProcess, ErlangPid to, ErlangTerm reference, ErlangTerm reason) =>
        new() { Operation = ControlOperation.MonitorPExit, From = fromProcess, To = to, Reference = reference, Reason = reason };

    /// <summary>
    /// SPAWN_REQUEST (needs DFLAG_SPAWN): spawn <c>Module:Function(Args...)</c> on the peer. The request
    /// id doubles as the monitor reference when <paramref name="options"/> hold <c>monitor</c>.
    /// </summary>
    public static ControlMessage SpawnRequest(
        ErlangRef requestId, ErlangPid from, ErlangPid groupLeader, ErlangAtom module, ErlangAtom function, ErlangList args, ErlangList options) =>
        new()
        {
            Operation = ControlOperation.SpawnRequest,
            Reference = requestId,
            From = from,
            GroupLeader = groupLeader,
            Entry = new ErlangTuple(module, function, ErlangInteger.Of(args.Count)),
            Options = options,
            Message = args,
        };

    /// <summary>SPAWN_REPLY: the outcome of a peer's spawn request (a pid, or an error atom such as <c>notsup</c>).</summary>
    public static ControlMessage SpawnReply(ErlangTerm requestId, ErlangPid to, int flags, ErlangTerm result) =>
        new() { Operation = ControlOperation.SpawnReply, Reference = requestId, To = to, Options = ErlangInteger.Of(flags), Result = result };

    public static ControlMessage UnlinkIdMessage(ErlangTerm id, ErlangPid from, ErlangPid to) =>
        new() { Operation = ControlOperation.UnlinkId, UnlinkId = id, From = from, To = to };

    public static ControlMessage UnlinkIdAck(ErlangTerm id, ErlangPid from, ErlangPid to) =>
        new() { Operation = ControlOperation.UnlinkIdAck, UnlinkId = id, From = from, To = to };
}
