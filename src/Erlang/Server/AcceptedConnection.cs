using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;
using Microsoft.Extensions.Logging;

namespace Gateway.Erlang.Server;

/// <summary>
/// One connection a peer opened to a <see cref="DistributionListener"/>, after the handshake. It
/// serves the two registered processes a monitoring client talks to: <c>rex</c> (calls of
/// <c>rpc:call</c>, answered by the listener's handler) and <c>net_kernel</c> (<c>{is_auth, Node}</c>,
/// answered <c>yes</c>), plus the spawn requests of <c>erpc:call</c> (what <c>rpc:call</c> uses on
/// OTP 23+) for <c>erpc:execute_call/4</c>, answered by the same handler. Every other message is
/// dropped; monitors of <c>rex</c> (which <c>gen_server:call</c> sets up) simply never fire while the
/// connection lasts.
/// </summary>
public sealed partial class AcceptedConnection : IAsyncDisposable
{
    private static readonly ErlangAtom Rex = ErlangAtom.Of("rex");
    private static readonly ErlangAtom NetKernel = ErlangAtom.Of("net_kernel");
    private static readonly ErlangAtom IsAuth = ErlangAtom.Of("is_auth");
    private static readonly ErlangAtom Yes = ErlangAtom.Of("yes");
    private static readonly ErlangAtom BadRpc = ErlangAtom.Of("badrpc");
    private static readonly ErlangAtom Exit = ErlangAtom.Of("EXIT");
    private static readonly ErlangAtom HandlerFailed = ErlangAtom.Of("handler_failed");

    private readonly DistributionConnection connection;
    private readonly Func<ErlangAtom, ErlangAtom, IReadOnlyList<ErlangTerm>, ErlangTerm> handler;
    private readonly ErlangPid rexPid;
    private readonly ErlangPid netKernelPid;
    private readonly ILogger logger;
    private long callCount;
    private int nextPid = 100;

    internal AcceptedConnection(
        Stream stream,
        HandshakeResult handshake,
        DistributionListenerOptions options,
        uint creation,
        Func<ErlangAtom, ErlangAtom, IReadOnlyList<ErlangTerm>, ErlangTerm> handler,
        TimeProvider time,
        ILogger logger)
    {
        this.handler = handler;
        this.logger = logger;
        var self = ErlangAtom.Of(options.NodeName);
        rexPid = new ErlangPid(self, 1, 0, creation);
        netKernelPid = new ErlangPid(self, 2, 0, creation);
        connection = new DistributionConnection(stream, handshake, options.NetTickTime, options.MaxMessageBytes, OnMessage, time, logger);
    }

    /// <summary>The connected peer.</summary>
    public ErlangAtom PeerNode => connection.PeerNode;

    /// <summary>Completes when the connection ends, with the reason.</summary>
    public Task<ConnectionClosedInfo> Closed => connection.Closed;

    /// <summary>RPC calls answered on this connection.</summary>
    public long CallCount => Interlocked.Read(ref callCount);

    /// <summary>Closes the connection.</summary>
    public ValueTask DisposeAsync() => connection.DisposeAsync();

    internal void Start() => connection.Start();

    private void OnMessage(DistributionConnection source, ControlMessage message)
    {
        if (message.Operation is ControlOperation.SpawnRequest or ControlOperation.SpawnRequestTT)
        {
            OnSpawnRequest(source, message);
            return;
        }

        if (message.Operation is not (ControlOperation.RegSend or ControlOperation.RegSendTT)
            || message.To is not ErlangAtom name
            || !GenCall.TryParse(message.Message, out var call))
        {
            return;
        }

        ErlangTerm reply;
        ErlangPid server;
        if (name == Rex && RexCall.TryParse(call.Request, out var rpc))
        {
            reply = Invoke(rpc);
            server = rexPid;
            Interlocked.Increment(ref callCount);
        }
        else if (name == NetKernel && call.Request is ErlangTuple { Arity: 2 } auth && auth[0] == IsAuth)
        {
            reply = Yes;
            server = netKernelPid;
        }
        else
        {
            return;
        }

        var sender = (source.Flags & DistributionFlags.SendSender) != 0 ? server : null;
        try
        {
            source.Send(ControlMessage.Send(sender, call.From, call.ReplyMessage(reply)));
        }
        catch (ErlangConnectionException)
        {
            // The peer went away while we computed the answer: nobody is left to receive it.
        }
    }

    private void OnSpawnRequest(DistributionConnection source, ControlMessage message)
    {
        if (message.From is not ErlangPid requester || message.Reference is not { } requestId)
        {
            return;
        }

        try
        {
            if (!ErpcCall.TryParse(message, out var erpc))
            {
                // Only erpc's entry point is served; anything else would need a real process.
                source.Send(ControlMessage.SpawnReply(requestId, requester, 0, ErpcCall.NotSupported));
                return;
            }

            var pid = new ErlangPid(rexPid.Node, (uint)Interlocked.Increment(ref nextPid) & 0x0FFF_FFFF, 0, rexPid.Creation);
            source.Send(ControlMessage.SpawnReply(requestId, requester, erpc.Monitor ? ErpcCall.MonitorFlag : 0, pid));
            var reply = Invoke(erpc.Call);
            Interlocked.Increment(ref callCount);
            if (erpc.Monitor)
            {
                // The process's exit reason carries the result, and the request id is the monitor's reference.
                var reason = erpc.ExitReason(reply);
                source.Send((source.Flags & DistributionFlags.ExitPayload) != 0
                    ? new ControlMessage { Operation = ControlOperation.PayloadMonitorPExit, From = pid, To = requester, Reference = requestId, Reason = reason }
                    : ControlMessage.MonitorPExit(pid, requester, requestId, reason));
            }
        }
        catch (ErlangConnectionException)
        {
            // The peer went away: nobody is left to receive the answer.
        }
    }

    private ErlangTerm Invoke(RexCall rpc)
    {
        try
        {
            return handler(rpc.Module, rpc.Function, rpc.Args);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogHandlerFailed(logger, rpc.Module.Name, rpc.Function.Name, rpc.Args.Count, e);
            return ErlangTerm.Tuple(BadRpc, ErlangTerm.Tuple(Exit, ErlangTerm.Tuple(HandlerFailed, ErlangList.Empty)));
        }
    }
}
