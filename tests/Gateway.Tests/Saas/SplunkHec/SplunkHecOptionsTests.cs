using Gateway.Configuration;
using Gateway.Saas.SplunkHec;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Saas.SplunkHec;

public sealed class SplunkHecOptionsTests
{
    private static (SplunkHecExporterOptions Options, IConfigurationSection Section) Bind(Dictionary<string, string?> keys)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        var section = config.GetSection(SplunkHecExporterOptions.Section);
        using var provider = new ServiceCollection().AddLogging().AddSplunkHecExporter(section).BuildServiceProvider();
        return (provider.GetRequiredService<IOptionsMonitor<SplunkHecExporterOptions>>().Get(Options.DefaultName), section);
    }

    private static string[] Errors(SplunkHecExporterOptions options)
    {
        var result = new SplunkHecExporterOptionsValidator().Validate(null, options);
        return result.Failed ? result.Failures.ToArray() : [];
    }

    [Fact]
    public void The_architecture_example_binds()
    {
        var (options, section) = Bind(new()
        {
            ["exporters:splunkHec:url"] = "https://splunk:8088",
            ["exporters:splunkHec:token"] = SplunkHecClient.Token,
            ["exporters:splunkHec:index"] = "beam",
            ["exporters:splunkHec:ack:enabled"] = "true",
            ["exporters:splunkHec:ack:pollInterval"] = "500ms",
        });

        Assert.Equal("https://splunk:8088", options.Url);
        Assert.Equal("beam", options.Index);
        Assert.True(options.Ack.Enabled);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Ack.PollInterval);
        Assert.Empty(Errors(options));
        Assert.Empty(UnknownKeys.Find(section, typeof(SplunkHecExporterOptions)));
    }

    [Fact]
    public void Every_error_has_its_path_and_none_shows_the_token()
    {
        var options = new SplunkHecExporterOptions
        {
            Url = "splunk:8088",
            Token = SplunkHecClient.Token,
            Index = " ",
            MaxRequestBytes = 10,
            Ack = new SplunkHecAckOptions { Enabled = true, Channel = "not-a-guid", Timeout = TimeSpan.FromSeconds(25) },
        };

        var errors = Errors(options);

        Assert.Contains(errors, e => e.StartsWith("exporters.splunkHec.url: must be an http(s) URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.splunkHec.index: must not be empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.splunkHec.maxRequestBytes: must be between", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.splunkHec.ack.channel: \"not-a-guid\" is not a GUID", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.splunkHec.ack.timeout: timeout + ack.timeout", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain(SplunkHecClient.Token, e, StringComparison.Ordinal));
        Assert.Contains(Errors(new SplunkHecExporterOptions()), e => e.StartsWith("exporters.splunkHec.url: must be set", StringComparison.Ordinal));
        Assert.Contains(Errors(new SplunkHecExporterOptions()), e => e.StartsWith("exporters.splunkHec.token: must be set", StringComparison.Ordinal));
        Assert.Contains(Errors(new SplunkHecExporterOptions { Url = $"https://admin:{SplunkHecClient.Token}@splunk:8088", Token = "t" }),
            e => e.StartsWith("exporters.splunkHec.url: must be an http(s) URL without credentials", StringComparison.Ordinal));
    }
}
