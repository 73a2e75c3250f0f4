using Gateway.Erlang.Distribution;
using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Distribution;

public sealed class HandshakeTests(ErlangTestbed testbed) : IClassFixture<ErlangTestbed>
{
    [Fact]
    public async Task Otp23_handshake_connects_as_a_hidden_node_with_the_mandatory_flags()
    {
        await using var local = TestNodes.Create(testbed);
        HandshakeResult? handshake = null;
        local.NodeUp += (_, e) => handshake = e.Handshake;

        await local.ConnectAsync(testbed.Node.Name);

        Assert.NotNull(handshake);
        Assert.Equal(testbed.Node.Name, handshake.PeerNodeName);
        Assert.Equal(DistributionFlags.Mandatory25, handshake.PeerFlags & DistributionFlags.Mandatory25);
        Assert.NotEqual(0u, handshake.PeerCreation);
        Assert.Equal(DistributionFlags.None, handshake.Flags & DistributionFlags.Published);

        // Hidden: the node lists us under nodes(hidden), not nodes().
        var visible = await local.RpcAsync(testbed.Node.Name, "erlang", "nodes", [], TestNodes.RpcTimeout);
        var hidden = await local.RpcAsync(testbed.Node.Name, "erlang", "nodes", [ErlangAtom.Of("hidden")], TestNodes.RpcTimeout);
        Assert.DoesNotContain(local.Name, (ErlangList)visible);
        Assert.Contains(local.Name, (ErlangList)hidden);
    }

    [Fact]
    public async Task Wrong_cookie_is_an_authentication_error_that_does_not_reveal_the_cookie()
    {
        const string cookie = "not-the-right-cookie-9f3a";
        await using var local = TestNodes.Create(testbed, cookie: cookie);

        var error = await Assert.ThrowsAsync<ErlangAuthenticationException>(() => local.ConnectAsync(testbed.Node.Name));

        Assert.Contains(testbed.Node.Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("rejected our cookie", error.Message, StringComparison.Ordinal);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(cookie, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("testcookie", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unregistered_node_is_a_connection_error_naming_the_node()
    {
        await using var local = TestNodes.Create(testbed);

        var error = await Assert.ThrowsAsync<ErlangConnectionException>(() => local.ConnectAsync("nosuchnode@localhost"));

        Assert.Contains("nosuchnode@localhost is not registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_name_peer_is_refused_by_a_short_name_node_before_connecting()
    {
        await using var local = TestNodes.Create(testbed);

        var error = await Assert.ThrowsAsync<ErlangConnectionException>(() => local.ConnectAsync("n1@host.example.com"));

        Assert.Contains("long names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_answering_under_another_name_is_refused()
    {
        await using var local = TestNodes.Create(testbed);

        // LOCALHOST resolves like localhost, but the node introduces itself as ...@localhost.
        var error = await Assert.ThrowsAsync<ErlangHandshakeException>(() => local.ConnectAsync(testbed.Node.Options.AliveName + "@LOCALHOST"));

        Assert.Contains($"the node at that address is {testbed.Node.Name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_connects_to_one_node_share_one_connection()
    {
        await using var local = TestNodes.Create(testbed);
        var ups = 0;
        local.NodeUp += (_, _) => Interlocked.Increment(ref ups);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => local.ConnectAsync(testbed.Node.Name)));

        Assert.Equal(1, ups);
        Assert.Single(local.ConnectedNodes);
    }
}
