using Microsoft.Extensions.Options;

namespace Gateway.Saas.PagerDuty;

/// <summary>
/// Validates the PagerDuty keys of <c>exporters.pagerduty</c> (the kit validates the common push keys after
/// it); every failure is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>. The routing key is never echoed.
/// </summary>
public sealed class PagerDutyExporterOptionsValidator : IValidateOptions<PagerDutyExporterOptions>
{
    /// <summary>PagerDuty's own check: "Length of 'routing_key' is incorrect (should be 32 characters)".</summary>
    public const int RoutingKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, PagerDutyExporterOptions options)
    {
        var errors = new List<string>();
        const string at = PagerDutyExporterOptions.YamlPath;
        if (string.IsNullOrWhiteSpace(options.RoutingKey))
        {
            errors.Add($"{at}.routingKey: must be set (the integration key of an Events API v2 integration, e.g. routingKey: ${{PAGERDUTY_ROUTING_KEY}})");
        }
        else if (!IsRoutingKey(options.RoutingKey))
        {
            errors.Add($"{at}.routingKey: is not an Events API v2 integration key ({RoutingKeyLength} letters and digits; a REST API token or a v1 service key does not work here)");
        }
        if (!string.Equals(options.Region, "us", StringComparison.OrdinalIgnoreCase) && !string.Equals(options.Region, "eu", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{at}.region: \"{Shown(options.Region)}\" is not one of us, eu");
        }
        if (options.Url is not null && !IsHttpUrl(options.Url))
        {
            errors.Add($"{at}.url: must be an absolute http:// or https:// URL (e.g. https://events.pagerduty.com)");
        }
        if (options.ClientUrl is not null && !IsHttpUrl(options.ClientUrl))
        {
            errors.Add($"{at}.clientUrl: must be an absolute http:// or https:// URL (where users reach this gateway)");
        }
        if (string.IsNullOrWhiteSpace(options.Client))
        {
            errors.Add($"{at}.client: must not be empty");
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout: must be positive");
        }
        else if (options.Timeout >= options.Outbox.AttemptTimeout)
        {
            errors.Add($"{at}.timeout: {options.Timeout} must be below outbox.attemptTimeout ({options.Outbox.AttemptTimeout})");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>32 ASCII letters or digits, as PagerDuty checks it.</summary>
    public static bool IsRoutingKey(string key) => key.Length == RoutingKeyLength && key.All(char.IsAsciiLetterOrDigit);

    internal static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Shown(string? value) => value is { Length: > 32 } ? value[..32] + "…" : value ?? string.Empty;
}
