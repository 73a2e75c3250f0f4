using Microsoft.Extensions.Options;

namespace Gateway.Saas.Opsgenie;

/// <summary>
/// Validates the Opsgenie keys of <c>exporters.opsgenie</c> (the kit validates the common push keys after
/// it); every failure is <c>"&lt;yaml.path&gt;: &lt;message&gt;"</c>. The API key is never echoed.
/// </summary>
public sealed class OpsgenieExporterOptionsValidator : IValidateOptions<OpsgenieExporterOptions>
{
    private static readonly string[] ResponderTypes = ["team", "user", "escalation", "schedule"];

    public ValidateOptionsResult Validate(string? name, OpsgenieExporterOptions options)
    {
        var errors = new List<string>();
        const string at = OpsgenieExporterOptions.YamlPath;
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            errors.Add($"{at}.apiKey: must be set (the key of an Opsgenie API integration, e.g. apiKey: ${{OPSGENIE_API_KEY}})");
        }
        else if (!Guid.TryParseExact(options.ApiKey, "D", out _))
        {
            errors.Add($"{at}.apiKey: is not an Opsgenie API integration key (a UUID such as 00000000-0000-0000-0000-000000000000)");
        }
        if (!string.Equals(options.Region, "us", StringComparison.OrdinalIgnoreCase) && !string.Equals(options.Region, "eu", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{at}.region: \"{Shown(options.Region)}\" is not one of us, eu");
        }
        if (options.Url is not null && !(Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            errors.Add($"{at}.url: must be an absolute http:// or https:// URL (e.g. https://api.eu.opsgenie.com)");
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout: must be positive");
        }
        else if (options.Timeout >= options.Outbox.AttemptTimeout)
        {
            errors.Add($"{at}.timeout: {options.Timeout} must be below outbox.attemptTimeout ({options.Outbox.AttemptTimeout})");
        }
        if (string.IsNullOrWhiteSpace(options.Source) || options.Source.Length > OpsgenieLimits.Source)
        {
            errors.Add($"{at}.source: must be 1 to {OpsgenieLimits.Source} characters");
        }
        if (options.User is { Length: > OpsgenieLimits.User })
        {
            errors.Add($"{at}.user: must be at most {OpsgenieLimits.User} characters");
        }
        for (var i = 0; i < options.Tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Tags[i]) || options.Tags[i].Length > OpsgenieLimits.Tag)
            {
                errors.Add($"{at}.tags[{i}]: must be 1 to {OpsgenieLimits.Tag} characters");
            }
        }
        if (options.Tags.Count > OpsgenieLimits.Tags - 3)
        {
            errors.Add($"{at}.tags: at most {OpsgenieLimits.Tags - 3} (Opsgenie keeps 20 per alert; the gateway adds up to 3)");
        }
        if (options.Responders.Count > OpsgenieLimits.Responders)
        {
            errors.Add($"{at}.responders: at most {OpsgenieLimits.Responders}");
        }
        for (var i = 0; i < options.Responders.Count; i++)
        {
            ValidateResponder(options.Responders[i], $"{at}.responders[{i}]", errors);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateResponder(OpsgenieResponderOptions r, string at, List<string> errors)
    {
        var type = r.Type?.ToLowerInvariant();
        if (type is null || !ResponderTypes.Contains(type))
        {
            errors.Add($"{at}.type: \"{Shown(r.Type)}\" is not one of {string.Join(", ", ResponderTypes)}");
            return;
        }
        var given = new[] { r.Id, r.Name, r.Username }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given != 1)
        {
            errors.Add(type == "user"
                ? $"{at}: a user needs exactly one of id, username"
                : $"{at}: a {type} needs exactly one of id, name");
        }
        else if (type == "user" && !string.IsNullOrWhiteSpace(r.Name))
        {
            errors.Add($"{at}.name: a user is given by id or username");
        }
        else if (type != "user" && !string.IsNullOrWhiteSpace(r.Username))
        {
            errors.Add($"{at}.username: only a user has a username (a {type} is given by id or name)");
        }
    }

    private static string Shown(string? value) => value is { Length: > 32 } ? value[..32] + "…" : value ?? string.Empty;
}
