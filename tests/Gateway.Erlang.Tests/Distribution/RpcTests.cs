using System.Numerics;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Distribution;

/// <summary>The RPC contract, run once per transport (spawn request as erpc does, and the classic rex).</summary>
public abstract class RpcTests(ErlangTestbed testbed, RpcTransport transport) : IClassFixture<ErlangTestbed>, IAsyncLifetime
{
    private LocalNode local = null!;

    private string Peer => testbed.Node.Name;

    public Task InitializeAsync()
    {
        local = TestNodes.Create(testbed, transport: transport);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await local.DisposeAsync();

    [Fact]
    public async Task Memory_comes_back_as_a_proplist_with_total()
    {
        var memory = await CallAsync("erlang", "memory");

        var list = Assert.IsAssignableFrom<ErlangList>(memory);
        var total = list.OfType<ErlangTuple>().Single(t => t[0].IsAtom("total"));
        Assert.True(total[1].TryGetLong(out var bytes));
        Assert.True(bytes > 1_000_000);
    }

    [Fact]
    public async Task Otp_release_is_25_or_later()
    {
        var release = await CallAsync("erlang", "system_info", ErlangAtom.Of("otp_release"));

        Assert.True(release.TryGetString(out var text));
        Assert.True(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) >= 25);
    }

    [Fact]
    public async Task Hundred_thousand_element_list_arrives_whole()
    {
        var seq = await CallAsync("lists", "seq", ErlangInteger.Of(1), ErlangInteger.Of(100_000));

        var list = Assert.IsAssignableFrom<ErlangList>(seq);
        Assert.Equal(100_000, list.Count);
        Assert.Equal(ErlangInteger.Of(1), list[0]);
        Assert.Equal(ErlangInteger.Of(100_000), list[99_999]);
    }

    [Fact]
    public async Task Binary_over_one_mebibyte_travels_both_ways()
    {
        var data = new byte[(1 << 20) + 12345];
        new Random(7).NextBytes(data);

        // There: the node hashes what it got; back: it returns the binary itself.
        var size = await CallAsync("erlang", "byte_size", new ErlangBinary(data));
        var digest = await CallAsync("erlang", "md5", new ErlangBinary(data));
        var echoed = await CallAsync("erlang", "binary_to_list", new ErlangBinary(data[..10]));
        var back = await CallAsync("binary", "copy", new ErlangBinary(data));

        Assert.Equal(ErlangInteger.Of(data.Length), size);
#pragma warning disable CA5351 // erlang:md5 is only a fingerprint of the bytes here, not security.
        Assert.Equal(System.Security.Cryptography.MD5.HashData(data), ((ErlangBinary)digest).Span.ToArray());
#pragma warning restore CA5351
        Assert.Equal(10, ((ErlangList)echoed).Count);
        Assert.Equal(data, ((ErlangBinary)back).Span.ToArray());
    }

    [Fact]
    public async Task Big_integers_are_computed_on_the_node_and_match()
    {
        var big = BigInteger.Pow(2, 200) + 12345;

        var doubled = await CallAsync("erlang", "*", ErlangTerm.Integer(big), ErlangInteger.Of(2));
        var negative = await CallAsync("erlang", "-", ErlangInteger.Of(0), ErlangTerm.Integer(BigInteger.Pow(10, 40)));

        Assert.True(doubled.TryGetBigInteger(out var d));
        Assert.Equal(big * 2, d);
        Assert.True(negative.TryGetBigInteger(out var n));
        Assert.Equal(-BigInteger.Pow(10, 40), n);
    }

    [Fact]
    public async Task Maps_round_trip_through_maps_put()
    {
        var map = ErlangMap.Of((ErlangAtom.Of("a"), ErlangInteger.Of(1)), (ErlangBinary.FromString("b"), ErlangTerm.List(ErlangFloat.Float(2.5))));

        var result = await CallAsync("maps", "put", ErlangAtom.Of("c"), ErlangAtom.Of("x"), map);

        var m = Assert.IsType<ErlangMap>(result);
        Assert.Equal(3, m.Count);
        Assert.Equal(ErlangAtom.Of("x"), m["c"]);
        Assert.Equal(ErlangInteger.Of(1), m["a"]);
    }

    [Fact]
    public async Task Pids_from_the_node_come_back_equal()
    {
        var pid = Assert.IsType<ErlangPid>(await CallAsync("erlang", "whereis", ErlangAtom.Of("init")));
        var same = await CallAsync("erlang", "list_to_pid", await CallAsync("erlang", "pid_to_list", pid));
        var alive = await CallAsync("erlang", "is_process_alive", pid);

        Assert.Equal(Peer, pid.Node.Name);
        Assert.Equal(pid, same);
        Assert.Equal(ErlangAtom.True, alive);
    }

    [Fact]
    public async Task Undefined_function_is_a_badrpc_error_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<ErlangRpcException>(() => CallAsync("no_such_module", "f"));

        Assert.Equal(Peer, error.Node);
        var exit = Assert.IsType<ErlangTuple>(error.Reason);
        Assert.True(exit[0].IsAtom("EXIT"));
        Assert.True(((ErlangTuple)exit[1])[0].IsAtom("undef"));
    }

    [Fact]
    public async Task Slow_call_times_out_with_a_typed_timeout()
    {
        var error = await Assert.ThrowsAsync<ErlangRpcTimeoutException>(() =>
            // The call sleeps far longer than any stall of a busy machine, so only the timeout can end it.
            local.RpcAsync(Peer, "timer", "sleep", [ErlangInteger.Of(600_000)], TimeSpan.FromMilliseconds(200)));

        Assert.Contains("timer:sleep/1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hundred_concurrent_calls_share_one_connection()
    {
        var calls = Enumerable.Range(0, 200)
            .Select(i => local.RpcAsync(Peer, "erlang", "+", [ErlangInteger.Of(i), ErlangInteger.Of(1000)], TestNodes.RpcTimeout))
            .ToArray();

        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(1000, 200).Select(i => (ErlangTerm)ErlangInteger.Of(i)), results);
        Assert.Single(local.ConnectedNodes);
    }

    [Fact]
    public async Task Connection_loss_fails_calls_in_flight_instead_of_waiting_for_the_timeout()
    {
        var slow = local.RpcAsync(Peer, "timer", "sleep", [ErlangInteger.Of(30_000)], TimeSpan.FromSeconds(60));
        await local.RpcAsync(Peer, "erlang", "node", [], TestNodes.RpcTimeout);

        await local.DisconnectAsync(Peer);

        var error = await Assert.ThrowsAsync<ErlangConnectionException>(() => slow);
        Assert.Equal(ConnectionCloseReason.LocalClose, error.CloseInfo?.Reason);
    }

    [Fact]
    public async Task Thrown_value_is_the_result_as_in_rpc_call()
    {
        var result = await local.EvalAsync(Peer, "ok.");
        var thrown = await CallAsync("erlang", "throw", ErlangAtom.Of("caught"));

        Assert.Equal(ErlangAtom.Ok, result);
        Assert.Equal(ErlangAtom.Of("caught"), thrown);
    }

    [Fact]
    public async Task Exit_in_the_call_is_a_badrpc_EXIT()
    {
        var error = await Assert.ThrowsAsync<ErlangRpcException>(() => CallAsync("erlang", "exit", ErlangAtom.Of("boom")));

        Assert.Equal(ErlangTerm.Tuple(ErlangAtom.Of("EXIT"), ErlangAtom.Of("boom")), error.Reason);
    }

    [Fact]
    public async Task Function_that_prints_returns_normally()
    {
        var result = await CallAsync("io", "format", ErlangList.FromText("hello from ~p~n"), ErlangTerm.List(ErlangAtom.Of("rpc")));

        Assert.Equal(ErlangAtom.Ok, result);
    }

    private Task<ErlangTerm> CallAsync(string module, string function, params ErlangTerm[] args) =>
        local.RpcAsync(Peer, module, function, args, TestNodes.RpcTimeout);
}

public sealed class RpcOverSpawnTests(ErlangTestbed testbed) : RpcTests(testbed, RpcTransport.Spawn);

public sealed class RpcOverRexTests(ErlangTestbed testbed) : RpcTests(testbed, RpcTransport.Rex);
