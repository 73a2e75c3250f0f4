using Gateway.Erlang.Node;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Distribution;

/// <summary>Our side of the integration tests: a LocalNode with a unique name on the testbed's EPMD.</summary>
internal static class TestNodes
{
    public static readonly TimeSpan RpcTimeout = TimeSpan.FromSeconds(60); // a hang guard, not a speed limit

    public static LocalNode Create(
        ErlangTestbed testbed, string cookie = "testcookie", TimeSpan? netTickTime = null, int maxHandshakeVersion = 6, RpcTransport transport = RpcTransport.Rex) =>
        new(new LocalNodeOptions
        {
            NodeName = ErlangNodeOptions.UniqueName("gw") + "@localhost",
            Cookie = cookie,
            EpmdPort = testbed.Epmd.Port,
            NetTickTime = netTickTime ?? TimeSpan.FromSeconds(60),
            MaxHandshakeVersion = maxHandshakeVersion,
            RpcTransport = transport,
        });
}
