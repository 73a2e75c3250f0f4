using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfFieldNamesTests
{
    [Theory]
    [InlineData("node", "_node")]
    [InlineData("alarm_id", "_alarm_id")]
    [InlineData("logger.domain-x", "_logger.domain-x")]
    [InlineData("id", "_id_")]
    [InlineData("my key/é", "_my_key__")]
    [InlineData("", "_field")]
    public void Names_match_the_gelf_rule_and_never_are_id(string name, string expected)
    {
        var sanitised = GelfFieldNames.Sanitise(name);

        Assert.Equal(expected, sanitised);
        Assert.Matches(@"^_[A-Za-z0-9_\.\-]+$", sanitised);
        Assert.NotEqual("_id", sanitised);
    }
}
