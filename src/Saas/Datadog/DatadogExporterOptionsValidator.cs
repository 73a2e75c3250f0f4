using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Saas.Datadog;

/// <summary>
/// Validates the Datadog keys of <c>exporters.datadog</c> (the kit validates the common push keys after
/// it); every failure is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>. The API key never appears in one.
/// </summary>
public sealed class DatadogExporterOptionsValidator : IValidateOptions<DatadogExporterOptions>
{
    private readonly IConfiguration? _section;

    /// <param name="section">The exporter's section, to check the keys under <c>metrics</c> (list or include/exclude).</param>
    public DatadogExporterOptionsValidator(IConfiguration? section = null)
    {
        _section = section;
    }

    public ValidateOptionsResult Validate(string? name, DatadogExporterOptions options)
    {
        var errors = new List<string>();
        const string at = DatadogExporterOptions.YamlPath;
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            errors.Add($"{at}.apiKey: must be set (a Datadog API key, e.g. apiKey: ${{DD_API_KEY}})");
        }
        if (options.Url is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"{at}.url: must be an http(s) URL (e.g. https://api.datadoghq.eu)");
            }
        }
        else if (DatadogSites.BaseUrl(options.Site) is null)
        {
            errors.Add($"{at}.site: \"{options.Site}\" is not one of {DatadogSites.Names} (or give url:)");
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout: must be positive");
        }
        else if (options.Timeout >= options.Outbox.AttemptTimeout)
        {
            errors.Add($"{at}.timeout: must be below outbox.attemptTimeout ({options.Outbox.AttemptTimeout})");
        }
        if (string.IsNullOrWhiteSpace(options.SourceTypeName))
        {
            errors.Add($"{at}.sourceTypeName: must not be empty");
        }
        for (var i = 0; i < options.Tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Tags[i]))
            {
                errors.Add($"{at}.tags[{i}]: must not be empty (e.g. env:prod)");
            }
        }
        ValidatePatterns(options.Metrics.Include, $"{at}.metrics.include", errors);
        ValidatePatterns(options.Metrics.Exclude, $"{at}.metrics.exclude", errors);
        ValidateMetricKeys(errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidatePatterns(List<string> patterns, string at, List<string> errors)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(patterns[i]))
            {
                errors.Add($"{at}[{i}]: must not be empty (a series name or a glob such as \"erlang_vm_*\")");
            }
        }
    }

    // metrics: [ … ] (indexes) or metrics: { include, exclude }; not both, nothing else.
    private void ValidateMetricKeys(List<string> errors)
    {
        if (_section is null)
        {
            return;
        }
        var children = _section.GetSection("metrics").GetChildren().ToList();
        var list = children.Any(c => int.TryParse(c.Key, out _));
        foreach (var child in children)
        {
            var isIndex = int.TryParse(child.Key, out _);
            var isKey = child.Key.Equals("include", StringComparison.OrdinalIgnoreCase) || child.Key.Equals("exclude", StringComparison.OrdinalIgnoreCase);
            if (!isIndex && !isKey)
            {
                errors.Add($"{DatadogExporterOptions.YamlPath}.metrics.{child.Key}: unknown key (known here: exclude, include; or a list of include patterns)");
            }
            else if (isKey && list)
            {
                errors.Add($"{DatadogExporterOptions.YamlPath}.metrics.{child.Key}: a list of patterns or include/exclude, not both");
            }
        }
    }
}
