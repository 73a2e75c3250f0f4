using Microsoft.Extensions.Options;

namespace Gateway.Saas.SplunkHec;

/// <summary>
/// Validates the HEC keys of <c>exporters.splunkHec</c> (the kit validates the common push keys after it);
/// every failure is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>. The token never appears in one.
/// </summary>
public sealed class SplunkHecExporterOptionsValidator : IValidateOptions<SplunkHecExporterOptions>
{
    /// <summary>Below HEC's smallest default <c>max_content_length</c> is pointless; above 800 MB, its largest.</summary>
    private const int MinRequestBytes = 1024;
    private const int MaxRequestBytes = 800 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, SplunkHecExporterOptions options)
    {
        var errors = new List<string>();
        const string at = SplunkHecExporterOptions.YamlPath;
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            errors.Add($"{at}.url: must be set (the HEC base URL, e.g. https://splunk.example:8088)");
        }
        else if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
        {
            errors.Add($"{at}.url: must be an http(s) URL without credentials (e.g. https://splunk.example:8088)");
        }
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            errors.Add($"{at}.token: must be set (a HEC token, e.g. token: ${{SPLUNK_HEC_TOKEN}})");
        }
        if (options.Index is { } index && string.IsNullOrWhiteSpace(index))
        {
            errors.Add($"{at}.index: must not be empty (leave it out for the token's default index)");
        }
        if (string.IsNullOrWhiteSpace(options.Source))
        {
            errors.Add($"{at}.source: must not be empty");
        }
        if (options.Sourcetype is { } sourcetype && string.IsNullOrWhiteSpace(sourcetype))
        {
            errors.Add($"{at}.sourcetype: must not be empty (leave it out for gateway:alarm, gateway:notification, gateway:node)");
        }
        if (options.MaxRequestBytes is < MinRequestBytes or > MaxRequestBytes)
        {
            errors.Add($"{at}.maxRequestBytes: must be between {MinRequestBytes} and {MaxRequestBytes}");
        }
        var budget = options.Timeout;
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout: must be positive");
        }
        else if (options.Timeout >= options.Outbox.AttemptTimeout)
        {
            errors.Add($"{at}.timeout: must be below outbox.attemptTimeout ({options.Outbox.AttemptTimeout})");
        }
        var ack = options.Ack;
        if (ack.Enabled)
        {
            if (ack.Channel is not null && !Guid.TryParse(ack.Channel, out _))
            {
                errors.Add($"{at}.ack.channel: \"{ack.Channel}\" is not a GUID (leave it out to generate one)");
            }
            if (ack.PollInterval <= TimeSpan.Zero)
            {
                errors.Add($"{at}.ack.pollInterval: must be positive");
            }
            if (ack.Timeout < ack.PollInterval)
            {
                errors.Add($"{at}.ack.timeout: must be at least ack.pollInterval ({ack.PollInterval})");
            }
            else if (options.Timeout > TimeSpan.Zero && budget + ack.Timeout >= options.Outbox.AttemptTimeout)
            {
                errors.Add($"{at}.ack.timeout: timeout + ack.timeout ({budget + ack.Timeout}) must be below outbox.attemptTimeout ({options.Outbox.AttemptTimeout})");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
