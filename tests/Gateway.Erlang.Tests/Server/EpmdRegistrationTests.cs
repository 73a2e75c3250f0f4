using Gateway.Erlang.Epmd;
using Gateway.Erlang.Server;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Server;

/// <summary>ALIVE2 registrations against a real EPMD.</summary>
public sealed class EpmdRegistrationTests(EpmdOnlyTestbed testbed) : IClassFixture<EpmdOnlyTestbed>
{
    [Fact]
    public async Task Hundred_simulated_nodes_are_all_listed_by_names()
    {
        var prefix = ErlangNodeOptions.UniqueName("many");
        var nodes = await Task.WhenAll(Enumerable.Range(1, 100).Select(i => SimulatedNodes.StartAsync(testbed, aliveName: $"{prefix}_{i}")));
        try
        {
            var names = await testbed.Epmd.Client.NamesAsync();

            var listed = names.Where(n => n.Name.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(n => n.Name, n => n.Port);
            Assert.Equal(100, listed.Count);
            foreach (var node in nodes)
            {
                Assert.Equal(node.Port, listed[node.NodeName[..node.NodeName.IndexOf('@', StringComparison.Ordinal)]]);
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Registration_is_visible_to_port_please_with_version_6()
    {
        var alive = ErlangNodeOptions.UniqueName("reg");

        await using var registration = await EpmdRegistration.RegisterAsync("127.0.0.1", testbed.Epmd.Port, alive, 40123);
        var info = await testbed.Epmd.Client.LookupAsync(alive);

        Assert.NotNull(info);
        Assert.Equal(40123, info.Port);
        Assert.Equal(6, info.HighestVersion);
        Assert.Equal(5, info.LowestVersion);
        Assert.Equal(EpmdNodeType.Normal, info.NodeType);
    }

    [Fact]
    public async Task A_taken_name_is_refused()
    {
        var alive = ErlangNodeOptions.UniqueName("dup");
        await using var first = await EpmdRegistration.RegisterAsync("127.0.0.1", testbed.Epmd.Port, alive, 40124);

        var e = await Assert.ThrowsAsync<EpmdException>(() => EpmdRegistration.RegisterAsync("127.0.0.1", testbed.Epmd.Port, alive, 40125));

        Assert.Contains("refused", e.Message, StringComparison.Ordinal);
    }
}
