using Gateway.Collector;
using Gateway.Collector.Beam;
using Gateway.Collector.Beam.Options;
using Gateway.Erlang.Tests.Fixtures;
using Gateway.Tests.Collector.Beam.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Collector.Beam;

public sealed class BeamDiscoveryTests(ErlangTestbed testbed) : IClassFixture<ErlangTestbed>
{
    private static BeamTargetProvider Provider(BeamOptions options) =>
        new(options, new CollectOptions(), Path.GetTempPath(), TimeProvider.System, NullLogger<BeamTargetProvider>.Instance);

    [Fact]
    public async Task EpmdHosts_lists_every_running_node_as_a_beam_target()
    {
        var second = await testbed.StartNodeAsync();
        var options = new BeamOptions { EpmdHosts = ["localhost"], EpmdPort = testbed.Epmd.Port };

        var targets = await Provider(options).DiscoverAsync(CancellationToken.None);

        var names = targets.Select(t => t.Address).ToList();
        Assert.Contains(testbed.Node.Name, names);
        Assert.Contains(second.Name, names);
        var target = targets.Single(t => t.Address == testbed.Node.Name);
        Assert.Equal("beam", target.Source);
        Assert.Equal("beam", target.Node.Job);
        Assert.Equal(testbed.Node.Name, target.Node.Instance);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_node_named_after_another_host_is_listed_under_the_full_name_it_gives(bool longNames)
    {
        // "-sname n1" on host vm registers "n1" at localhost's EPMD, but the node is n1@vm.
        var host = longNames ? "127.0.0.1" : Environment.MachineName.Split('.')[0];
        var node = await testbed.StartNodeAsync(new ErlangNodeOptions { Host = host });
        var options = new BeamOptions { EpmdHosts = ["localhost"], EpmdPort = testbed.Epmd.Port };

        var targets = await Provider(options).DiscoverAsync(CancellationToken.None);

        Assert.Contains(node.Name, targets.Select(t => t.Address));
    }

    [Fact]
    public async Task Static_nodes_and_groups_give_targets_with_the_group_label()
    {
        var options = new BeamOptions { Nodes = ["mim1@host1", "other@host2"], Job = "erlang" };
        options.Groups["mongooseim"] = ["mim*@*"];

        var targets = await Provider(options).DiscoverAsync(CancellationToken.None);

        Assert.Equal(["mim1@host1", "other@host2"], targets.Select(t => t.Address));
        Assert.Equal("mongooseim", targets[0].Labels.Get("group"));
        Assert.Equal("mongooseim", ((BeamTargetSettings)targets[0].Settings!).Group);
        Assert.Null(targets[1].Labels.Get("group"));
        Assert.All(targets, t => Assert.Equal("erlang", t.Node.Job));
    }

    [Fact]
    public async Task A_node_both_static_and_registered_is_one_target()
    {
        var options = new BeamOptions { Nodes = [testbed.Node.Name], EpmdHosts = ["localhost"], EpmdPort = testbed.Epmd.Port };

        var targets = await Provider(options).DiscoverAsync(CancellationToken.None);

        Assert.Single(targets, t => t.Address == testbed.Node.Name);
    }

    [Fact]
    public async Task Without_a_running_epmd_there_are_no_nodes_and_no_exception()
    {
        var options = new BeamOptions { EpmdHosts = ["localhost"], EpmdPort = FreePort.Next() };

        var targets = await Provider(options).DiscoverAsync(CancellationToken.None);

        Assert.Empty(targets);
    }

    [Fact]
    public async Task FileSd_targets_are_node_names_with_their_labels()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-beam-sd-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "nodes.json"),
                """[{"targets": ["a1@h1", "not-a-node"], "labels": {"dc": "west"}}]""");
            var options = new BeamOptions { FileSd = [Path.Combine(directory, "*.json")] };

            var targets = await Provider(options).DiscoverAsync(CancellationToken.None);

            var target = Assert.Single(targets);
            Assert.Equal("a1@h1", target.Address);
            Assert.Equal("west", target.Labels.Get("dc"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task WatchAsync_yields_the_static_group_once_and_ends()
    {
        var options = new BeamOptions { Nodes = ["n1@host"] };
        var groups = new List<TargetGroup>();

        await foreach (var group in Provider(options).WatchAsync(CancellationToken.None))
        {
            groups.Add(group);
        }

        var only = Assert.Single(groups);
        Assert.Equal(BeamTargetProvider.GroupKey, only.Key);
        Assert.Equal("n1@host", Assert.Single(only.Targets).Address);
    }
}
