using Gateway.Erlang.Distribution;
using Gateway.Erlang.Node;

namespace Gateway.Erlang.Tests.Distribution;

public sealed class LocalNodeOptionsTests
{
    [Fact]
    public void Valid_options_have_no_errors()
    {
        Assert.Empty(new LocalNodeOptions { NodeName = "gateway-1@localhost", Cookie = "secret" }.Validate());
    }

    [Fact]
    public void Every_problem_is_reported_with_its_key()
    {
        var options = new LocalNodeOptions
        {
            NodeName = "no-at-sign",
            Cookie = string.Empty,
            NetTickTime = TimeSpan.FromMilliseconds(10),
            EpmdPort = 70000,
            ConnectTimeout = TimeSpan.Zero,
            Flags = DistributionFlags.Default | DistributionFlags.Published,
            MaxHandshakeVersion = 4,
        };

        var errors = options.Validate();

        Assert.Equal(
            ["nodeName", "cookie", "netTickTime", "epmdPort", "connectTimeout", "flags", "maxHandshakeVersion"],
            errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Invalid_options_are_refused_by_the_node_without_echoing_the_cookie()
    {
        var error = Assert.Throws<ArgumentException>(() => new LocalNode(new LocalNodeOptions { NodeName = "x", Cookie = "hunter2" }));

        Assert.Contains("nodeName", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n1@localhost", true, "n1", "localhost")]
    [InlineData("rabbit@host.example.com", true, "rabbit", "host.example.com")]
    [InlineData("@host", false, "", "")]
    [InlineData("n1@", false, "", "")]
    [InlineData("a@b@c", false, "", "")]
    public void Node_names_split_into_alive_and_host(string name, bool valid, string alive, string host)
    {
        Assert.Equal(valid, NodeNameParser.TryParse(name, out var a, out var h));
        if (valid)
        {
            Assert.Equal(alive, a);
            Assert.Equal(host, h);
        }
    }
}
