using Gateway.Erlang.Distribution;
using Gateway.Erlang.Node;
using Gateway.Erlang.Server;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Distribution;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Server;

/// <summary>Simulated nodes against real OTP nodes and our own initiator, all on one private EPMD.</summary>
public sealed class SimulatedNodeTests(ErlangTestbed testbed) : IClassFixture<ErlangTestbed>
{
    [Fact]
    public async Task Real_erl_node_rpc_calls_a_simulated_node_and_gets_the_simulated_answer()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed);
        await using var local = TestNodes.Create(testbed);

        var reply = await local.EvalAsync(testbed.Node.Name, $"rpc:call('{sim.NodeName}', erlang, memory, [], 10000).");

        Assert.Equal(SimulatedNodes.Memory, reply);
    }

    [Fact]
    public async Task Real_erl_node_gets_badrpc_undef_for_an_unknown_function()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed);
        await using var local = TestNodes.Create(testbed);

        var reply = await local.EvalAsync(testbed.Node.Name, $"rpc:call('{sim.NodeName}', nosuch, thing, [1], 10000).");

        var text = reply.ToString();
        Assert.StartsWith("{badrpc,{'EXIT',{undef,[{nosuch,thing,[1],[]}]}}}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_erl_node_sees_the_simulated_node_as_hidden_after_net_adm_ping()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed);
        await using var local = TestNodes.Create(testbed);

        var pong = await local.EvalAsync(testbed.Node.Name, $"net_adm:ping('{sim.NodeName}').");
        var hidden = await local.EvalAsync(testbed.Node.Name, $"lists:member('{sim.NodeName}', nodes(hidden)).");

        Assert.Equal(ErlangAtom.Of("pong"), pong);
        Assert.Equal(ErlangAtom.True, hidden);
    }

    [Fact]
    public async Task Local_node_rpc_reaches_a_simulated_node()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed);
        await using var local = TestNodes.Create(testbed);

        var memory = await local.RpcAsync(sim.NodeName, "erlang", "memory", [], TestNodes.RpcTimeout);
        var reversed = await local.RpcAsync(sim.NodeName, "lists", "reverse", [ErlangTerm.List(ErlangInteger.Of(1), ErlangInteger.Of(2))], TestNodes.RpcTimeout);

        Assert.Equal(SimulatedNodes.Memory, memory);
        Assert.Equal(ErlangTerm.List(ErlangInteger.Of(2), ErlangInteger.Of(1)), reversed);
        Assert.Equal(2, Assert.Single(sim.Listener.Connections).CallCount);
    }

    [Theory]
    [InlineData(RpcTransport.Rex)]
    [InlineData(RpcTransport.Spawn)]
    public async Task Local_node_rpc_works_over_both_transports(RpcTransport transport)
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed);
        await using var local = TestNodes.Create(testbed, transport: transport);

        var memory = await local.RpcAsync(sim.NodeName, "erlang", "memory", [], TestNodes.RpcTimeout);
        var e = await Assert.ThrowsAsync<ErlangRpcException>(() => local.RpcAsync(sim.NodeName, "nosuch", "thing", [], TestNodes.RpcTimeout));

        Assert.Equal(SimulatedNodes.Memory, memory);
        Assert.Contains("undef", e.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Old_style_name_with_complement_is_accepted()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed);
        await using var local = TestNodes.Create(testbed, maxHandshakeVersion: 5);

        var memory = await local.RpcAsync(sim.NodeName, "erlang", "memory", [], TestNodes.RpcTimeout);

        Assert.Equal(SimulatedNodes.Memory, memory);
        var connection = Assert.Single(sim.Listener.Connections);
        Assert.Equal(local.Name, connection.PeerNode);
    }

    [Fact]
    public async Task A_failing_handler_gives_badrpc_and_keeps_the_connection()
    {
        await using var sim = await SimulatedNode.StartAsync(
            new DistributionListenerOptions { NodeName = ErlangNodeOptions.UniqueName("sim") + "@localhost", Cookie = "testcookie" },
            "127.0.0.1",
            testbed.Epmd.Port,
            (module, function, args) => module.Name == "boom" ? throw new InvalidOperationException("boom") : SimulatedNodes.Memory);
        await using var local = TestNodes.Create(testbed);

        var e = await Assert.ThrowsAsync<ErlangRpcException>(() => local.RpcAsync(sim.NodeName, "boom", "now", [], TestNodes.RpcTimeout));
        var memory = await local.RpcAsync(sim.NodeName, "erlang", "memory", [], TestNodes.RpcTimeout);

        Assert.Contains("handler_failed", e.Reason.ToString(), StringComparison.Ordinal);
        Assert.Equal(SimulatedNodes.Memory, memory);
    }

    [Fact]
    public async Task Local_node_gets_an_rpc_exception_for_an_unknown_function()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed);
        await using var local = TestNodes.Create(testbed);

        var e = await Assert.ThrowsAsync<ErlangRpcException>(() => local.RpcAsync(sim.NodeName, "nosuch", "thing", [], TestNodes.RpcTimeout));

        Assert.Contains("undef", e.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_concurrent_calls_on_one_connection_all_get_their_own_answer()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed);
        await using var local = TestNodes.Create(testbed);

        var calls = Enumerable.Range(0, 200).Select(i =>
            local.RpcAsync(sim.NodeName, "lists", "reverse", [ErlangTerm.List(ErlangInteger.Of(i), ErlangInteger.Of(-1))], TestNodes.RpcTimeout));
        var replies = await Task.WhenAll(calls);

        for (var i = 0; i < replies.Length; i++)
        {
            Assert.Equal(ErlangTerm.List(ErlangInteger.Of(-1), ErlangInteger.Of(i)), replies[i]);
        }
    }

    [Fact]
    public async Task Wrong_cookie_is_refused()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed, cookie: "right");
        await using var local = TestNodes.Create(testbed, cookie: "wrong");

        await Assert.ThrowsAsync<ErlangAuthenticationException>(() => local.ConnectAsync(sim.NodeName, CancellationToken.None));

        Assert.Empty(sim.Listener.Connections);
        Assert.Equal(1, sim.Listener.RejectedCount);
    }

    [Fact]
    public async Task Real_erl_node_with_a_wrong_cookie_cannot_reach_a_simulated_node()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed, cookie: "other");
        await using var local = TestNodes.Create(testbed);

        var pang = await local.EvalAsync(testbed.Node.Name, $"net_adm:ping('{sim.NodeName}').");

        Assert.Equal(ErlangAtom.Of("pang"), pang);
    }

    [Fact]
    public async Task Garbage_instead_of_a_handshake_is_dropped_and_the_node_keeps_serving()
    {
        await using var sim = await SimulatedNodes.StartAsync(testbed);
        var random = new Random(42);
        for (var i = 0; i < 20; i++)
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", sim.Port);
            var garbage = new byte[random.Next(1, 64)];
            random.NextBytes(garbage);
            var stream = client.GetStream();
            await stream.WriteAsync(garbage);
            client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);

            // The node answers at most a status and a challenge, then closes: read to the end.
            var buffer = new byte[256];
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }

        await using var local = TestNodes.Create(testbed);
        var memory = await local.RpcAsync(sim.NodeName, "erlang", "memory", [], TestNodes.RpcTimeout);

        Assert.Equal(SimulatedNodes.Memory, memory);
        Assert.Equal(20, sim.Listener.RejectedCount);
    }

    [Fact]
    public async Task Disposing_a_simulated_node_removes_it_from_epmd()
    {
        var sim = await SimulatedNodes.StartAsync(testbed);
        var alive = sim.NodeName[..sim.NodeName.IndexOf('@', StringComparison.Ordinal)];
        Assert.NotNull(await testbed.Epmd.Client.LookupAsync(alive));

        await sim.DisposeAsync();

        // EPMD notices the closed registration socket asynchronously: poll, never sleep a fixed time
        // (a 30 s hang guard, not a count of tries that a busy machine would shorten).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && await testbed.Epmd.Client.LookupAsync(alive) is not null)
        {
            await Task.Delay(25);
        }

        Assert.Null(await testbed.Epmd.Client.LookupAsync(alive));
    }
}
