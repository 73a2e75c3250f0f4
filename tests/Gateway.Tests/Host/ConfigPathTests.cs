using Gateway.Core.Configuration;
using Gateway.Configuration;

namespace Gateway.Tests.Host;

public sealed class ConfigPathTests
{
    [Theory]
    [InlineData("collect:prometheus:0:targets:1", "collect.prometheus[0].targets[1]")]
    [InlineData("Gateway:ApiToken", "gateway.apiToken")]
    [InlineData("exporters:snmp:destinations:2", "exporters.snmp.destinations[2]")]
    public void Configuration_keys_become_yaml_paths(string key, string expected) =>
        Assert.Equal(expected, YamlPath.FromConfigKey(key));
}
