using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

public sealed partial class LocalNode
{
    private static readonly ErlangAtom Rex = ErlangAtom.Of("rex");
    private static readonly ErlangAtom GenCall = ErlangAtom.Of("$gen_call");
    private static readonly ErlangAtom CallTag = ErlangAtom.Of("call");
    private static readonly ErlangAtom UserGroupLeader = ErlangAtom.Of("user");
    private static readonly ErlangAtom BadRpc = ErlangAtom.Of("badrpc");
    private static readonly ErlangAtom Erpc = ErlangAtom.Of("erpc");
    private static readonly ErlangAtom ExecuteCall = ErlangAtom.Of("execute_call");
    private static readonly ErlangAtom ExitTagAtom = ErlangAtom.Of("EXIT");
    private static readonly ErlangAtom IoReply = ErlangAtom.Of("io_reply");

    // A monitor whose DOWN carries the result. (erpc also passes {reply, error_only}, but the requesting
    // node applies that option itself; on the wire the peer rejects it as badopt and always replies.)
    private static readonly ErlangList SpawnOptions = ErlangList.Of(ErlangAtom.Of("monitor"));

    /// <summary>
    /// Calls <c>Module:Function(Args...)</c> on <paramref name="node"/> with <c>rpc:call/5</c> semantics
    /// and returns the result (a thrown value is a result, as in rpc:call). Travels as a spawn request
    /// (the erpc way) or through <c>rex</c>, per <see cref="LocalNodeOptions.RpcTransport"/>. Many calls
    /// may run at once over one connection. The timeout covers connecting too.
    /// </summary>
    /// <exception cref="ErlangRpcException">The call failed on the node (<c>{badrpc, Reason}</c>: exception, undef …).</exception>
    /// <exception cref="ErlangRpcTimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="ErlangConnectionException">The node is unreachable or went down during the call.</exception>
    /// <exception cref="ErlangAuthenticationException">The node rejected our cookie.</exception>
    public Task<ErlangTerm> RpcAsync(
        string node, string module, string function, IReadOnlyList<ErlangTerm> args, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        RpcAsync(ErlangAtom.Of(node), module, function, args, timeout, cancellationToken);

    /// <inheritdoc cref="RpcAsync(string, string, string, IReadOnlyList{ErlangTerm}, TimeSpan, CancellationToken)"/>
    public async Task<ErlangTerm> RpcAsync(
        ErlangAtom node, string module, string function, IReadOnlyList<ErlangTerm> args, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);

        using var timer = new CancellationTokenSource(timeout, time);

        // Link only when the caller can cancel: a linked source per call is measurable at 10k calls/s.
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken) : null;
        var token = linked?.Token ?? timer.Token;
        var reference = MakeRef();
        try
        {
            var connection = await GetConnectionAsync(node, token);
            var completion = new TaskCompletionSource<ErlangTerm>(TaskCreationOptions.RunContinuationsAsynchronously);

            var argList = args.Count == 0 ? ErlangList.Empty : new ErlangList([.. args]);
            if (Options.RpcTransport == RpcTransport.Spawn && (connection.Flags & DistributionFlags.Spawn) != 0)
            {
                // spawn_request(Node, erpc, execute_call, [Res, M, F, A], [monitor]): the process exits
                // with {Res, return, Value} (or throw/exit/error), which reaches us as the monitor's
                // DOWN. We are its group leader, so any io it does is answered and dropped.
                var resultRef = MakeRef();
                calls[reference] = new PendingCall(connection, completion, resultRef);
                connection.Send(ControlMessage.SpawnRequest(
                    reference, SystemPid, SystemPid, Erpc, ExecuteCall,
                    ErlangList.Of(resultRef, ErlangAtom.Of(module), ErlangAtom.Of(function), argList), SpawnOptions));
            }
            else
            {
                // gen_server:call(rex, {call, M, F, A, GroupLeader}) by hand; rex runs the call in a new
                // process and answers From = {Pid, Tag} with Pid ! {Tag, Reply}. The group leader 'user'
                // sends any io the function does to the node's console rather than to us.
                calls[reference] = new PendingCall(connection, completion);
                var request = new ErlangTuple(
                    GenCall,
                    new ErlangTuple(SystemPid, reference),
                    new ErlangTuple(CallTag, ErlangAtom.Of(module), ErlangAtom.Of(function), argList, UserGroupLeader));
                connection.Send(ControlMessage.RegSend(SystemPid, Rex, request));
            }

            // Cancel the completion itself rather than wrapping it (WaitAsync would add a task and a hop).
            ErlangTerm reply;
            using (token.UnsafeRegister(static (c, t) => ((TaskCompletionSource<ErlangTerm>)c!).TrySetCanceled(t), completion))
            {
                reply = await completion.Task;
            }

            if (reply is ErlangTuple { Arity: 2 } t && t[0].Equals(BadRpc))
            {
                throw new ErlangRpcException(node.Name, module, function, args.Count, t[1]);
            }

            return reply;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ErlangRpcTimeoutException(
                $"rpc {module}:{function}/{args.Count} on {node.Name} got no reply within {timeout.TotalSeconds:0.###} s.");
        }
        finally
        {
            calls.TryRemove(reference, out _);
        }
    }

    private void HandleSystemMessage(DistributionConnection? connection, ErlangTerm message)
    {
        if (message is not ErlangTuple t)
        {
            return;
        }

        // rex's reply {Ref, Reply}, accepted only from the connection the call went out on; anything
        // else (a late or stray message) is dropped.
        if (t.Arity == 2 && t[0] is ErlangRef reference && calls.TryGetValue(reference, out var call))
        {
            if ((connection is null || ReferenceEquals(connection, call.Connection)) && calls.TryRemove(reference, out _))
            {
                call.Completion.TrySetResult(t[1]);
            }
        }
        else if (t.Arity == 4 && t[0].IsAtom("io_request") && t[1] is ErlangPid from && connection is not null)
        {
            // We are the group leader of spawn-transport calls: acknowledge output (and drop it),
            // refuse input, so a function that prints never waits for an answer that does not come.
            ErlangTerm answer = t[3] is ErlangTuple { Arity: > 0 } request && request[0] is ErlangAtom kind
                && kind.Name is "put_chars" or "requests" or "setopts"
                ? ErlangAtom.Ok
                : new ErlangTuple(ErlangAtom.Error, ErlangAtom.Of("enotsup"));
            TrySend(connection, ControlMessage.Send(
                (connection.Flags & DistributionFlags.SendSender) != 0 ? SystemPid : null, from, new ErlangTuple(IoReply, t[2], answer)));
        }
    }

    // erpc:execute_call/4's exit reason, turned into what rpc:call returns.
    private static ErlangTerm ErpcResult(ErlangRef resultRef, ErlangTerm reason)
    {
        if (reason is ErlangTuple { Arity: >= 3 } t && t[0].Equals(resultRef) && t[1] is ErlangAtom kind)
        {
            switch (kind.Name)
            {
                case "return" or "throw" when t.Arity == 3:
                    return t[2];
                case "exit" when t.Arity == 3:
                    return new ErlangTuple(BadRpc, new ErlangTuple(ExitTagAtom, t[2]));
                case "error" when t.Arity == 4:
                    return new ErlangTuple(BadRpc, new ErlangTuple(ExitTagAtom, new ErlangTuple(t[2], t[3])));
                case "error" when t.Arity == 3:
                    return new ErlangTuple(BadRpc, new ErlangTuple(ExitTagAtom, t[2]));
            }
        }

        return reason.IsAtom("noconnection")
            ? new ErlangTuple(BadRpc, ErlangAtom.Of("nodedown"))
            : new ErlangTuple(BadRpc, new ErlangTuple(ExitTagAtom, reason));
    }
}
