using Microsoft.Extensions.Configuration;

namespace Gateway.Configuration;

/// <summary>A configuration source over a YAML text already read (from a file or the embedded default).</summary>
public sealed class YamlConfigurationSource(string yaml) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(yaml);
}

internal sealed class YamlConfigurationProvider(string yaml) : ConfigurationProvider
{
    public override void Load() => Data = YamlFlattener.Flatten(yaml);
}
