using Gateway.Configuration;
using Gateway.Saas.Datadog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Saas.Datadog;

public sealed class DatadogOptionsTests
{
    private const string Key = "dd-secret-key-0123456789";

    private static (DatadogExporterOptions Options, IConfigurationSection Section) Bind(Dictionary<string, string?> keys)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        var section = config.GetSection(DatadogExporterOptions.Section);
        using var provider = new ServiceCollection().AddLogging().AddDatadogExporter(section).BuildServiceProvider();
        return (provider.GetRequiredService<IOptionsMonitor<DatadogExporterOptions>>().Get(Options.DefaultName), section);
    }

    private static string[] Errors(Dictionary<string, string?> keys)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        var section = config.GetSection(DatadogExporterOptions.Section);
        var options = new DatadogExporterOptions();
        section.Bind(options);
        var result = new DatadogExporterOptionsValidator(section).Validate(null, options);
        return result.Failed ? result.Failures.ToArray() : [];
    }

    [Fact]
    public void The_architecture_short_form_is_a_list_of_include_patterns()
    {
        var (options, section) = Bind(new()
        {
            ["exporters:datadog:apiKey"] = Key,
            ["exporters:datadog:site"] = "datadoghq.eu",
            ["exporters:datadog:metrics:0"] = "erlang_vm_*",
            ["exporters:datadog:metrics:1"] = "gateway_node_up",
        });

        Assert.Equal(["erlang_vm_*", "gateway_node_up"], options.Metrics.Include);
        Assert.Empty(options.Metrics.Exclude);
        Assert.Equal(new Uri("https://api.datadoghq.eu"), options.BaseUrl());
        Assert.Empty(UnknownKeys.Find(section, typeof(DatadogExporterOptions)));
    }

    [Fact]
    public void Include_and_exclude_bind_and_the_url_overrides_the_site()
    {
        var (options, section) = Bind(new()
        {
            ["exporters:datadog:apiKey"] = Key,
            ["exporters:datadog:url"] = "http://127.0.0.1:9999",
            ["exporters:datadog:metrics:include:0"] = "erlang_vm_*",
            ["exporters:datadog:metrics:exclude:0"] = "erlang_vm_dist_*",
            ["exporters:datadog:gzip"] = "false",
            ["exporters:datadog:timeout"] = "5s",
        });

        Assert.Equal(["erlang_vm_*"], options.Metrics.Include);
        Assert.Equal(["erlang_vm_dist_*"], options.Metrics.Exclude);
        Assert.False(options.Gzip);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(new Uri("http://127.0.0.1:9999"), options.BaseUrl());
        Assert.Empty(UnknownKeys.Find(section, typeof(DatadogExporterOptions)));
    }

    [Theory]
    [InlineData("datadoghq.com", "https://api.datadoghq.com/")]
    [InlineData("us3.datadoghq.com", "https://api.us3.datadoghq.com/")]
    [InlineData("us5.datadoghq.com", "https://api.us5.datadoghq.com/")]
    [InlineData("datadoghq.eu", "https://api.datadoghq.eu/")]
    [InlineData("app.datadoghq.eu", "https://api.datadoghq.eu/")]
    [InlineData("ap1.datadoghq.com", "https://api.ap1.datadoghq.com/")]
    [InlineData("ddog-gov.com", "https://api.ddog-gov.com/")]
    public void Each_site_has_its_api_host(string site, string url) =>
        Assert.Equal(url, DatadogSites.BaseUrl(site)!.ToString());

    [Fact]
    public void Every_error_has_its_path_and_none_shows_the_key()
    {
        var errors = Errors(new()
        {
            ["exporters:datadog:apiKey"] = Key,
            ["exporters:datadog:site"] = "datadoghq.mars",
            ["exporters:datadog:timeout"] = "1m",
            ["exporters:datadog:tags:0"] = " ",
            ["exporters:datadog:metrics:include:0"] = "",
            ["exporters:datadog:metrics:inclde:0"] = "erlang_vm_*",
        });

        Assert.Contains(errors, e => e.StartsWith("exporters.datadog.site: \"datadoghq.mars\" is not one of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.datadog.timeout: must be below outbox.attemptTimeout", StringComparison.Ordinal));
        Assert.Contains("exporters.datadog.tags[0]: must not be empty (e.g. env:prod)", errors);
        Assert.Contains(errors, e => e.StartsWith("exporters.datadog.metrics.include[0]: must not be empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.datadog.metrics.inclde: unknown key", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain(Key, e, StringComparison.Ordinal));
        Assert.Contains(Errors(new() { ["exporters:datadog:site"] = "datadoghq.eu" }), e => e.StartsWith("exporters.datadog.apiKey: must be set", StringComparison.Ordinal));
        Assert.Contains(Errors(new() { ["exporters:datadog:apiKey"] = Key, ["exporters:datadog:url"] = "ftp://x" }), e => e.StartsWith("exporters.datadog.url:", StringComparison.Ordinal));
        Assert.Empty(Errors(new() { ["exporters:datadog:apiKey"] = Key }));
    }
}
