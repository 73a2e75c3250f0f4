using Gateway.Erlang.Distribution;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Distribution;

public sealed class NodeDownTests(EpmdOnlyTestbed testbed) : IClassFixture<EpmdOnlyTestbed>
{
    // Short ticks on both sides so a hung node is noticed in seconds, not a minute.
    private const int TickSeconds = 4;

    // A guard against hanging, not a performance assertion.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Killed_node_is_reported_down_with_connection_closed()
    {
        var node = await testbed.StartNodeAsync(new ErlangNodeOptions { NetTickTimeSeconds = TickSeconds });
        await using var local = TestNodes.Create(testbed, netTickTime: TimeSpan.FromSeconds(TickSeconds));
        var down = NextNodeDown(local);
        using var mailbox = local.CreateMailbox();
        var process = (ErlangPid)await local.EvalAsync(node.Name, "spawn(fun() -> receive stop -> ok end end).");
        var monitor = await local.MonitorAsync(process);
        await mailbox.LinkAsync(process);

        await node.KillAsync();

        var e = await down.WaitAsync(Guard);
        Assert.Equal(node.Name, e.Node.Name);
        Assert.Equal(ConnectionCloseReason.ConnectionClosed, e.Reason);
        Assert.Empty(local.ConnectedNodes);
        Assert.Equal(ErlangAtom.Of("noconnection"), await monitor.Down.WaitAsync(Guard));
        using var cts = new CancellationTokenSource(Guard);
        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("EXIT"), process, ErlangAtom.Of("noconnection")), await mailbox.ReceiveAsync(cts.Token));
    }

    [Fact]
    public async Task Frozen_node_is_reported_down_by_tick_timeout()
    {
        var node = await testbed.StartNodeAsync(new ErlangNodeOptions { NetTickTimeSeconds = TickSeconds });
        await using var local = TestNodes.Create(testbed, netTickTime: TimeSpan.FromSeconds(TickSeconds));
        var down = NextNodeDown(local);
        await local.ConnectAsync(node.Name);

        await node.SuspendAsync();
        try
        {
            var e = await down.WaitAsync(Guard);
            Assert.Equal(ConnectionCloseReason.TickTimeout, e.Reason);
            Assert.Contains("net_ticktime", e.Info.Description, StringComparison.Ordinal);
        }
        finally
        {
            node.Resume();
            await node.KillAsync();
        }
    }

    [Fact]
    public async Task Restarted_node_is_reachable_again_without_a_new_local_node()
    {
        var alive = ErlangNodeOptions.UniqueName("r");
        var first = await testbed.StartNodeAsync(new ErlangNodeOptions { AliveName = alive });
        await using var local = TestNodes.Create(testbed);
        var creations = new List<uint>();
        local.NodeUp += (_, e) => { lock (creations) { creations.Add(e.Handshake.PeerCreation); } };
        var down = NextNodeDown(local);
        Assert.Equal(first.Name, (await Call(local, first.Name)).ToString());

        await first.KillAsync();
        await down.WaitAsync(Guard);
        var second = await testbed.StartNodeAsync(new ErlangNodeOptions { AliveName = alive });

        Assert.Equal(second.Name, (await Call(local, second.Name)).ToString());
        Assert.Equal(2, creations.Count);
        Assert.NotEqual(creations[0], creations[1]);
    }

    [Fact]
    public async Task Idle_connection_outlives_net_ticktime_on_ticks_alone()
    {
        var node = await testbed.StartNodeAsync(new ErlangNodeOptions { NetTickTimeSeconds = TickSeconds });
        await using var local = TestNodes.Create(testbed, netTickTime: TimeSpan.FromSeconds(TickSeconds));
        var downs = 0;
        local.NodeDown += (_, _) => Interlocked.Increment(ref downs);
        await local.ConnectAsync(node.Name);

        // Idle for more than one full net_ticktime: only ticks (ours and the node's) keep it up.
        await Task.Delay(TimeSpan.FromSeconds(TickSeconds * 1.5));

        Assert.Equal(0, Volatile.Read(ref downs));
        Assert.Equal(node.Name, (await Call(local, node.Name)).ToString());
        var peers = await local.RpcAsync(node.Name, "erlang", "nodes", [ErlangAtom.Of("hidden")], TestNodes.RpcTimeout);
        Assert.Contains(local.Name, (ErlangList)peers);
    }

    private static Task<ErlangTerm> Call(LocalNode local, string node) =>
        local.RpcAsync(node, "erlang", "node", [], TestNodes.RpcTimeout);

    private static Task<NodeDownEventArgs> NextNodeDown(LocalNode local)
    {
        var down = new TaskCompletionSource<NodeDownEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        local.NodeDown += (_, e) => down.TrySetResult(e);
        return down.Task;
    }
}
