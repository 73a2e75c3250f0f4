using System.Buffers;
using Microsoft.Extensions.Options;

namespace Gateway.Exporters.Prometheus;

/// <summary>Validates <c>exporters.prometheus</c>; every failure is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>.</summary>
public sealed class PrometheusExporterOptionsValidator : IValidateOptions<PrometheusExporterOptions>
{
    private static readonly SearchValues<char> NotInPath = SearchValues.Create(" \t\r\n?#");

    public ValidateOptionsResult Validate(string? name, PrometheusExporterOptions options)
    {
        var errors = new List<string>();
        const string at = PrometheusExporterOptions.YamlPath;
        if (string.IsNullOrEmpty(options.Path))
        {
            errors.Add($"{at}.path: must not be empty");
        }
        else if (!options.Path.StartsWith('/'))
        {
            errors.Add($"{at}.path: must start with \"/\"");
        }
        else if (options.Path.AsSpan().ContainsAny(NotInPath))
        {
            errors.Add($"{at}.path: \"{options.Path}\" must be a plain path (no spaces, query or fragment)");
        }
        if (string.IsNullOrWhiteSpace(options.GatewayJob))
        {
            errors.Add($"{at}.gatewayJob: must not be empty");
        }
        if (options.GatewayInstance is not null && string.IsNullOrWhiteSpace(options.GatewayInstance))
        {
            errors.Add($"{at}.gatewayInstance: must not be blank (leave it out for the host name)");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
