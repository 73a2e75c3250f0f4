using Microsoft.Extensions.Options;

namespace Gateway.Saas.Webhook;

/// <summary>Validates <c>exporters.webhook</c>'s own keys; no message repeats the URL, the secret or a header value.</summary>
public sealed class WebhookExporterOptionsValidator : IValidateOptions<WebhookExporterOptions>
{
    private const int MinSecret = 16;

    public ValidateOptionsResult Validate(string? name, WebhookExporterOptions options)
    {
        const string at = WebhookExporterOptions.YamlPath;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            errors.Add($"{at}.url: must be set (the receiver's http:// or https:// URL)");
        }
        else if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{at}.url: is not an absolute http:// or https:// URL (value not shown: it may hold a token)");
        }
        if (options.Secret is { Length: < MinSecret })
        {
            errors.Add($"{at}.secret: must be at least {MinSecret} characters (value not shown)");
        }
        foreach (var (header, value) in options.Headers)
        {
            if (string.IsNullOrWhiteSpace(header) || header.Any(c => c <= ' ' || c >= 127 || c == ':'))
            {
                errors.Add($"{at}.headers: \"{Shown(header)}\" is not a header name");
            }
            else if (header.StartsWith("X-Gateway-", StringComparison.OrdinalIgnoreCase) || header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{at}.headers.{header}: is set by the exporter");
            }
            else if (value.Any(c => c is '\r' or '\n'))
            {
                errors.Add($"{at}.headers.{header}: must be one line (value not shown)");
            }
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

    private static string Shown(string text) => new(text.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
