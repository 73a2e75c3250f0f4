using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Distribution;

public sealed class MailboxTests(ErlangTestbed testbed) : IClassFixture<ErlangTestbed>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private LocalNode local = null!;

    private string Peer => testbed.Node.Name;

    public Task InitializeAsync()
    {
        local = TestNodes.Create(testbed);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await local.DisposeAsync();

    [Fact]
    public async Task Remote_send_to_our_registered_name_reaches_the_mailbox()
    {
        using var mailbox = local.CreateMailbox("gateway_logs");
        var message = ErlangTerm.Tuple(ErlangAtom.Of("log"), ErlangBinary.FromString("disk almost full"));

        await local.RpcAsync(Peer, "erlang", "send",
            [ErlangTerm.Tuple(ErlangAtom.Of("gateway_logs"), local.Name), message], TestNodes.RpcTimeout);

        Assert.Equal(message, await ReceiveAsync(mailbox));
    }

    [Fact]
    public async Task Remote_process_replies_to_our_mailbox_pid()
    {
        using var mailbox = local.CreateMailbox();
        var echo = (ErlangPid)await local.EvalAsync(Peer,
            "spawn(fun() -> receive {From, X} -> From ! {echo, X} end end).");

        await mailbox.SendAsync(echo, ErlangTerm.Tuple(mailbox.Pid, ErlangInteger.Of(42)));

        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("echo"), ErlangInteger.Of(42)), await ReceiveAsync(mailbox));
    }

    [Fact]
    public async Task Send_to_a_remote_registered_name_is_delivered()
    {
        using var mailbox = local.CreateMailbox();
        var name = ErlangNodeOptions.UniqueName("echo_");
        await local.EvalAsync(Peer,
            $"register({name}, spawn(fun() -> receive {{From, X}} -> From ! {{echo, X}} end end)).");

        await mailbox.SendAsync(name, Peer, ErlangTerm.Tuple(mailbox.Pid, ErlangAtom.Of("hi")));

        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("echo"), ErlangAtom.Of("hi")), await ReceiveAsync(mailbox));
    }

    [Fact]
    public async Task Monitor_of_a_remote_process_completes_with_its_exit_reason()
    {
        var pid = (ErlangPid)await local.EvalAsync(Peer, "spawn(fun() -> receive stop -> exit(bye) end end).");
        var monitor = await local.MonitorAsync(pid);

        await local.SendAsync(pid, ErlangAtom.Of("stop"));

        Assert.Equal(ErlangAtom.Of("bye"), await monitor.Down.WaitAsync(Wait));
    }

    [Fact]
    public async Task Monitor_of_a_dead_process_reports_noproc()
    {
        var pid = (ErlangPid)await local.EvalAsync(Peer, "P = spawn(fun() -> ok end), timer:sleep(50), P.");

        var monitor = await local.MonitorAsync(pid);

        Assert.Equal(ErlangAtom.Of("noproc"), await monitor.Down.WaitAsync(Wait));
    }

    [Fact]
    public async Task Mailbox_monitor_delivers_a_DOWN_message()
    {
        using var mailbox = local.CreateMailbox();
        var pid = (ErlangPid)await local.EvalAsync(Peer, "spawn(fun() -> receive stop -> exit(done) end end).");
        var reference = await mailbox.MonitorAsync(pid);

        await mailbox.SendAsync(pid, ErlangAtom.Of("stop"));

        var down = await ReceiveAsync(mailbox);
        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("DOWN"), reference, ErlangAtom.Of("process"), pid, ErlangAtom.Of("done")), down);
    }

    [Fact]
    public async Task Linked_remote_process_exit_arrives_as_an_EXIT_message()
    {
        using var mailbox = local.CreateMailbox();
        var pid = (ErlangPid)await local.EvalAsync(Peer, "spawn(fun() -> receive stop -> exit(crashed) end end).");
        await mailbox.LinkAsync(pid);

        await mailbox.SendAsync(pid, ErlangAtom.Of("stop"));

        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("EXIT"), pid, ErlangAtom.Of("crashed")), await ReceiveAsync(mailbox));
    }

    [Fact]
    public async Task Remote_monitor_of_our_mailbox_sees_it_close()
    {
        var watchedName = ErlangNodeOptions.UniqueName("watched_");
        var reportName = ErlangNodeOptions.UniqueName("report_");
        using var report = local.CreateMailbox(reportName);
        var watched = local.CreateMailbox(watchedName);
        var us = local.Name.Name;

        await local.EvalAsync(Peer,
            $"spawn(fun() -> R = monitor(process, {{{watchedName}, '{us}'}}), " +
            $"erlang:send({{{reportName}, '{us}'}}, monitoring), " +
            $"receive {{'DOWN', R, process, _, Why}} -> erlang:send({{{reportName}, '{us}'}}, {{down, Why}}) end end).");
        Assert.Equal(ErlangAtom.Of("monitoring"), await ReceiveAsync(report));

        watched.Dispose();

        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("down"), ErlangAtom.Of("normal")), await ReceiveAsync(report));
    }

    [Fact]
    public async Task Remote_monitor_of_an_unknown_name_gets_noproc()
    {
        var reportName = ErlangNodeOptions.UniqueName("report_");
        using var report = local.CreateMailbox(reportName);
        var us = local.Name.Name;

        await local.EvalAsync(Peer,
            $"spawn(fun() -> R = monitor(process, {{nobody_here, '{us}'}}), " +
            $"receive {{'DOWN', R, process, _, Why}} -> erlang:send({{{reportName}, '{us}'}}, {{down, Why}}) end end).");

        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("down"), ErlangAtom.Of("noproc")), await ReceiveAsync(report));
    }

    [Fact]
    public async Task Spawn_request_from_the_node_to_us_is_refused_with_notsup()
    {
        var reply = await local.EvalAsync(Peer,
            $"R = spawn_request('{local.Name.Name}', erlang, node, [], []), receive {{spawn_reply, R, error, Why}} -> Why after 5000 -> timeout end.");

        Assert.Equal(ErlangAtom.Of("notsup"), reply);
    }

    private static async Task<ErlangTerm> ReceiveAsync(Mailbox mailbox)
    {
        using var cts = new CancellationTokenSource(Wait);
        return await mailbox.ReceiveAsync(cts.Token);
    }
}
