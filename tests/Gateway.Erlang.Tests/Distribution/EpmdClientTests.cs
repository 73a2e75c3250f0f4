using Gateway.Erlang.Epmd;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Distribution;

public sealed class EpmdClientTests(ErlangTestbed testbed) : IClassFixture<ErlangTestbed>
{
    [Fact]
    public async Task Lookup_gives_the_port_and_versions_of_a_registered_node()
    {
        var info = await testbed.Epmd.Client.LookupAsync(testbed.Node.Options.AliveName);

        Assert.NotNull(info);
        Assert.Equal(testbed.Node.Options.AliveName, info.Name);
        Assert.Equal(EpmdNodeType.Normal, info.NodeType);
        Assert.Equal(0, info.Protocol);
        Assert.Equal(6, info.HighestVersion);
        Assert.InRange(info.LowestVersion, 5, 6);
        Assert.InRange(info.Port, 1, 65535);
    }

    [Fact]
    public async Task Lookup_of_an_unknown_name_is_null()
    {
        Assert.Null(await testbed.Epmd.Client.LookupAsync("nobody"));
    }

    [Fact]
    public async Task Names_lists_the_registered_node_with_its_port()
    {
        var names = await testbed.Epmd.Client.NamesAsync();
        var info = await testbed.Epmd.Client.LookupAsync(testbed.Node.Options.AliveName);

        Assert.Contains(new EpmdNameEntry(testbed.Node.Options.AliveName, info!.Port), names);
    }

    [Fact]
    public async Task Unreachable_epmd_is_an_epmd_exception_naming_host_and_port()
    {
        var port = FreePort.Next();
        var client = new EpmdClient("127.0.0.1", port);

        var error = await Assert.ThrowsAsync<EpmdException>(() => client.NamesAsync());

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Port_comes_from_ERL_EPMD_PORT_when_set()
    {
        var saved = Environment.GetEnvironmentVariable("ERL_EPMD_PORT");
        try
        {
            Environment.SetEnvironmentVariable("ERL_EPMD_PORT", "14369");
            Assert.Equal(14369, EpmdClient.PortFromEnvironment());
            Environment.SetEnvironmentVariable("ERL_EPMD_PORT", "not-a-port");
            Assert.Equal(4369, EpmdClient.PortFromEnvironment());
            Environment.SetEnvironmentVariable("ERL_EPMD_PORT", null);
            Assert.Equal(4369, EpmdClient.PortFromEnvironment());
        }
        finally
        {
            Environment.SetEnvironmentVariable("ERL_EPMD_PORT", saved);
        }
    }
}
