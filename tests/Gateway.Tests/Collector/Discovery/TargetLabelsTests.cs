using Gateway.Collector.Discovery;

namespace Gateway.Tests.Collector.Discovery;

public sealed class TargetLabelsTests
{
    [Fact]
    public void Meta_labels_and_job_are_dropped_and_instance_is_taken_out()
    {
        var labels = TargetLabels.Build(
            new Dictionary<string, string> { ["env"] = "prod", ["__meta_dc"] = "x", ["job"] = "other", ["instance"] = "web-1", ["dc"] = "ams" },
            out var instance);

        Assert.Equal("web-1", instance);
        Assert.Equal("{dc=\"ams\",env=\"prod\"}", labels.ToString());
    }

    [Theory]
    [InlineData("env", true)]
    [InlineData("_x1", true)]
    [InlineData("1x", false)]
    [InlineData("a-b", false)]
    [InlineData("", false)]
    public void Label_names_follow_the_prometheus_syntax(string name, bool valid) =>
        Assert.Equal(valid, TargetLabels.IsValidName(name));
}
