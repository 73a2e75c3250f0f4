using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Node;

public sealed partial class LocalNode
{
    private static readonly ErlangAtom DownTag = ErlangAtom.Of("DOWN");
    private static readonly ErlangAtom ExitTag = ErlangAtom.Of("EXIT");
    private static readonly ErlangAtom ProcessTag = ErlangAtom.Of("process");
    private static readonly ErlangAtom NoProc = ErlangAtom.Of("noproc");

    /// <summary>Sends <paramref name="message"/> to a process (remote, or one of our mailboxes).</summary>
    public Task SendAsync(ErlangPid to, ErlangTerm message, CancellationToken cancellationToken = default) =>
        SendFromAsync(null, to, message, cancellationToken);

    /// <summary>Sends to the process registered as <paramref name="registeredName"/> on <paramref name="node"/> (<c>{Name, Node} ! Message</c>).</summary>
    public Task SendAsync(string registeredName, string node, ErlangTerm message, CancellationToken cancellationToken = default) =>
        SendFromAsync(SystemPid, ErlangAtom.Of(registeredName), ErlangAtom.Of(node), message, cancellationToken);

    /// <summary>
    /// Monitors a remote process; the returned monitor's <see cref="ProcessMonitor.Down"/> completes with
    /// the exit reason (<c>noproc</c> if it does not exist, <c>noconnection</c> if its node goes down).
    /// </summary>
    public async Task<ProcessMonitor> MonitorAsync(ErlangPid target, CancellationToken cancellationToken = default)
    {
        var completion = new TaskCompletionSource<ErlangTerm>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reference = await MonitorFromAsync(SystemPid, target, completion, cancellationToken);
        return new ProcessMonitor(reference, target, completion.Task);
    }

    /// <summary>Removes a monitor; its DOWN never comes.</summary>
    public void Demonitor(ErlangRef reference)
    {
        if (monitors.TryRemove(reference, out var monitor))
        {
            monitor.Completion?.TrySetCanceled();
            TrySend(monitor.Connection, ControlMessage.DemonitorP(monitor.Owner, monitor.Target, reference));
        }
    }

    internal async Task SendFromAsync(ErlangPid? from, ErlangPid to, ErlangTerm message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        if (to.Node.Equals(Name))
        {
            DeliverLocal(to, message, null);
            return;
        }

        var connection = await GetConnectionAsync(to.Node, cancellationToken);
        var sender = (connection.Flags & DistributionFlags.SendSender) != 0 ? from : null;
        connection.Send(ControlMessage.Send(sender, to, message));
    }

    internal async Task SendFromAsync(ErlangPid from, ErlangAtom name, ErlangAtom node, ErlangTerm message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (node.Equals(Name))
        {
            if (registered.TryGetValue(name, out var local))
            {
                local.Deliver(message);
            }

            return;
        }

        var connection = await GetConnectionAsync(node, cancellationToken);
        connection.Send(ControlMessage.RegSend(from, name, message));
    }

    internal async Task<ErlangRef> MonitorFromAsync(
        ErlangPid owner, ErlangPid target, TaskCompletionSource<ErlangTerm>? completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Node.Equals(Name))
        {
            throw new ArgumentException("Only processes on other nodes can be monitored.", nameof(target));
        }

        var connection = await GetConnectionAsync(target.Node, cancellationToken);
        var reference = MakeRef();
        monitors[reference] = new OutgoingMonitor(owner, target, connection, completion);
        try
        {
            connection.Send(ControlMessage.MonitorP(owner, target, reference));
        }
        catch (ErlangConnectionException)
        {
            monitors.TryRemove(reference, out _);
            throw;
        }

        return reference;
    }

    internal async Task LinkFromAsync(ErlangPid local, ErlangPid target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Node.Equals(Name))
        {
            throw new ArgumentException("Only processes on other nodes can be linked.", nameof(target));
        }

        var connection = await GetConnectionAsync(target.Node, cancellationToken);
        links[(local, target)] = connection;
        connection.Send(ControlMessage.Link(local, target));
    }

    // Runs on the connection's reader loop: only quick, non-blocking work here.
    private void OnSignal(DistributionConnection connection, ControlMessage m)
    {
        switch (m.Operation)
        {
            case ControlOperation.Send or ControlOperation.SendTT or ControlOperation.SendSender or ControlOperation.SendSenderTT:
                if (m.To is ErlangPid pid && m.Message is not null)
                {
                    DeliverLocal(pid, m.Message, connection);
                }

                break;

            case ControlOperation.RegSend or ControlOperation.RegSendTT:
                if (m.To is ErlangAtom name && m.Message is not null)
                {
                    if (registered.TryGetValue(name, out var mailbox))
                    {
                        mailbox.Deliver(m.Message);
                    }
                    else
                    {
                        LogNoSuchName(logger, connection.PeerNode.Name, name.Name);
                    }
                }

                break;

            case ControlOperation.Link:
                OnLink(connection, m);
                break;

            case ControlOperation.Unlink:
                if (m.To is ErlangPid unlinkedLocal && m.From is ErlangPid unlinkedRemote)
                {
                    links.TryRemove((unlinkedLocal, unlinkedRemote), out _);
                }

                break;

            case ControlOperation.UnlinkId:
                if (m.To is ErlangPid local && m.From is ErlangPid remote && m.UnlinkId is not null)
                {
                    links.TryRemove((local, remote), out _);
                    TrySend(connection, ControlMessage.UnlinkIdAck(m.UnlinkId, local, remote));
                }

                break;

            case ControlOperation.Exit or ControlOperation.ExitTT or ControlOperation.PayloadExit or ControlOperation.PayloadExitTT:
            case ControlOperation.Exit2 or ControlOperation.Exit2TT or ControlOperation.PayloadExit2 or ControlOperation.PayloadExit2TT:
                if (m.To is ErlangPid exited && m.From is ErlangPid exiting && mailboxes.TryGetValue(exited, out var target))
                {
                    links.TryRemove((exited, exiting), out _);
                    target.Deliver(new ErlangTuple(ExitTag, exiting, m.Reason ?? ErlangAtom.Undefined));
                }

                break;

            case ControlOperation.MonitorP:
                OnMonitor(connection, m);
                break;

            case ControlOperation.DemonitorP:
                if (m.Reference is ErlangRef demonitored)
                {
                    incomingMonitors.TryRemove(demonitored, out _);
                }

                break;

            case ControlOperation.MonitorPExit or ControlOperation.PayloadMonitorPExit:
                if (m.Reference is not ErlangRef downRef)
                {
                    break;
                }

                if (monitors.TryGetValue(downRef, out var monitor))
                {
                    // Only the monitored process's node can report it down.
                    if (ReferenceEquals(monitor.Connection, connection) && monitors.TryRemove(downRef, out _))
                    {
                        DeliverDown(downRef, monitor, m.From ?? monitor.Target, m.Reason ?? ErlangAtom.Undefined);
                    }
                }
                else if (calls.TryGetValue(downRef, out var call) && call.ResultRef is not null
                    && ReferenceEquals(call.Connection, connection) && calls.TryRemove(downRef, out _))
                {
                    call.Completion.TrySetResult(ErpcResult(call.ResultRef, m.Reason ?? ErlangAtom.Undefined));
                }

                break;

            case ControlOperation.SpawnReply or ControlOperation.SpawnReplyTT:
                // A pid: the call runs and its DOWN will follow. An atom: the spawn failed and says why.
                if (m.Reference is ErlangRef spawnRef && m.Result is ErlangAtom failure && calls.TryGetValue(spawnRef, out var failed)
                    && ReferenceEquals(failed.Connection, connection) && calls.TryRemove(spawnRef, out _))
                {
                    failed.Completion.TrySetResult(new ErlangTuple(BadRpc, failure));
                }

                break;

            case ControlOperation.SpawnRequest or ControlOperation.SpawnRequestTT:
                // We run no Erlang code: refuse, so the requester does not wait forever.
                if (m.Reference is not null && m.From is ErlangPid requester)
                {
                    TrySend(connection, ControlMessage.SpawnReply(m.Reference, requester, 0, ErlangAtom.Of("notsup")));
                }

                break;

            default:
                // NODE_LINK, GROUP_LEADER, UNLINK_ID_ACK and alias sends (never negotiated) need
                // nothing from us.
                break;
        }
    }

    private void OnLink(DistributionConnection connection, ControlMessage m)
    {
        if (m.To is not ErlangPid local || m.From is not ErlangPid remote)
        {
            return;
        }

        if (mailboxes.ContainsKey(local) || local.Equals(SystemPid))
        {
            links[(local, remote)] = connection;
        }
        else
        {
            TrySend(connection, ControlMessage.Exit(local, remote, NoProc));
        }
    }

    private void OnMonitor(DistributionConnection connection, ControlMessage m)
    {
        if (m.From is not ErlangPid watcher || m.Reference is not ErlangRef reference || m.To is null)
        {
            return;
        }

        // The system pid lives as long as the node: io monitors it while it is a call's group leader.
        var target = m.To switch
        {
            ErlangPid pid when pid.Equals(SystemPid) => SystemPid,
            ErlangPid pid => mailboxes.GetValueOrDefault(pid)?.Pid,
            ErlangAtom name => registered.GetValueOrDefault(name)?.Pid,
            _ => null,
        };
        if (target is null)
        {
            TrySend(connection, ControlMessage.MonitorPExit(m.To, watcher, reference, NoProc));
            return;
        }

        incomingMonitors[reference] = new IncomingMonitor(watcher, m.To, target, connection);
    }

    private void DeliverLocal(ErlangPid to, ErlangTerm message, DistributionConnection? connection)
    {
        if (to.Equals(SystemPid))
        {
            HandleSystemMessage(connection, message);
        }
        else if (mailboxes.TryGetValue(to, out var mailbox))
        {
            mailbox.Deliver(message);
        }
    }

    private void DeliverDown(ErlangRef reference, OutgoingMonitor monitor, ErlangTerm process, ErlangTerm reason)
    {
        if (monitor.Completion is not null)
        {
            monitor.Completion.TrySetResult(reason);
        }
        else if (mailboxes.TryGetValue(monitor.Owner, out var mailbox))
        {
            mailbox.Deliver(new ErlangTuple(DownTag, reference, ProcessTag, process, reason));
        }
    }
}
