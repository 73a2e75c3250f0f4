using Gateway.Collector.Beam;

namespace Gateway.Tests.Collector.Beam;

public sealed class BeamAgentRemovalsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("gateway-removals-").FullName;

    private string File => Path.Combine(dir, "data", "beam-agent-removed.json");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Removals_survive_a_new_instance_and_restoring_forgets_them()
    {
        var first = new BeamAgentRemovals(File);
        Assert.True(first.Add("b@host"));
        Assert.True(first.Add("a@host"));
        Assert.False(first.Add("a@host"));
        Assert.Equal("[\"a@host\",\"b@host\"]", System.IO.File.ReadAllText(File));

        var second = new BeamAgentRemovals(File);
        Assert.True(second.Contains("a@host"));
        Assert.True(second.Remove("a@host"));
        Assert.False(second.Remove("a@host"));

        var third = new BeamAgentRemovals(File);
        Assert.False(third.Contains("a@host"));
        Assert.True(third.Contains("b@host"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"a\": 1}")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public void An_unreadable_file_is_an_empty_set_and_is_rewritten_at_the_next_change(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllText(File, content);

        var removals = new BeamAgentRemovals(File);

        Assert.False(removals.Contains("a@host"));
        removals.Add("a@host");
        Assert.True(new BeamAgentRemovals(File).Contains("a@host"));
    }

    [Fact]
    public void Without_a_path_nothing_is_written()
    {
        var removals = new BeamAgentRemovals();
        removals.Add("a@host");

        Assert.True(removals.Contains("a@host"));
        Assert.False(Directory.Exists(Path.Combine(dir, "data")));
    }
}
