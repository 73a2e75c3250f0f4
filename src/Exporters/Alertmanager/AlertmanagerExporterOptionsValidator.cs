using Microsoft.Extensions.Options;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// Validates the Alertmanager keys of <c>exporters.alertmanager</c> (the kit validates the common keys
/// after it); every failure is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>. A URL is echoed without its
/// user information (a proxy's password).
/// </summary>
public sealed class AlertmanagerExporterOptionsValidator : IValidateOptions<AlertmanagerExporterOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertmanagerExporterOptions options)
    {
        var errors = new List<string>();
        const string at = AlertmanagerExporterOptions.YamlPath;
        if (options.Url is not null && options.Urls.Count > 0)
        {
            errors.Add($"{at}.url: set url or urls, not both");
        }
        if (options.AllUrls().Count == 0)
        {
            errors.Add($"{at}.urls: needs at least one Alertmanager URL (url: http://127.0.0.1:9093, or urls: [...] for an HA cluster)");
        }
        if (options.Url is not null)
        {
            CheckUrl(options.Url, $"{at}.url", errors);
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Urls.Count; i++)
        {
            if (CheckUrl(options.Urls[i], $"{at}.urls[{i}]", errors) && !seen.Add(options.Urls[i].TrimEnd('/')))
            {
                errors.Add($"{at}.urls[{i}]: {Safe(options.Urls[i])} is listed twice");
            }
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout: must be positive");
        }
        else if (options.Timeout >= options.Outbox.AttemptTimeout)
        {
            errors.Add($"{at}.timeout: must be below outbox.attemptTimeout ({options.Outbox.AttemptTimeout})");
        }
        if (options.ResendInterval <= TimeSpan.Zero)
        {
            errors.Add($"{at}.resendInterval: must be positive");
        }
        else if (options.ResendInterval >= AlertmanagerExporterOptions.DefaultResolveTimeout)
        {
            errors.Add($"{at}.resendInterval: must be below 5m, Alertmanager's default resolve_timeout (it resolves an alert that is not posted again within it)");
        }
        var events = AlertmanagerEventNames.Vocabulary.Parse(options.Events);
        if ((events & AlertmanagerEventNames.Required) != AlertmanagerEventNames.Required)
        {
            errors.Add($"{at}.events: must include raised, severity_changed and cleared (or alarms): without them an alert would stay firing in Alertmanager");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool CheckUrl(string text, string at, List<string> errors)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{at}: {Safe(text)} is not an http(s) URL (e.g. http://127.0.0.1:9093)");
            return false;
        }
        return true;
    }

    private static string Safe(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? $"\"{uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped)}\""
            : $"\"{text}\"";
}
