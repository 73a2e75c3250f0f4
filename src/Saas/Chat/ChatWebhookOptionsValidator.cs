using Microsoft.Extensions.Options;

namespace Gateway.Saas.Chat;

/// <summary>
/// Validates the keys of a chat webhook exporter; every failure is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>.
/// The webhook URL is never echoed: only what is wrong with it.
/// </summary>
public sealed class ChatWebhookOptionsValidator<TOptions>(string yamlPath) : IValidateOptions<TOptions>
    where TOptions : ChatWebhookOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.WebhookUrl is not null && options.Url is not null)
        {
            errors.Add($"{yamlPath}.url: set webhookUrl or url, not both");
        }
        var url = options.WebhookUrl ?? options.Url;
        var key = options.WebhookUrl is not null ? "webhookUrl" : "url";
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add($"{yamlPath}.webhookUrl: must be set (the channel's webhook URL; from the environment or a file: ${{SLACK_WEBHOOK_URL}}, ${{file:/run/secrets/webhook}})");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{yamlPath}.{key}: is not an http(s) URL (the value is not shown: it is a secret)");
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{yamlPath}.timeout: must be positive");
        }
        else if (options.Timeout >= options.Outbox.AttemptTimeout)
        {
            errors.Add($"{yamlPath}.timeout: must be below outbox.attemptTimeout ({options.Outbox.AttemptTimeout})");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
