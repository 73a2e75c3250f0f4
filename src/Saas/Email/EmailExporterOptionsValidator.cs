using Gateway.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Saas.Email;

/// <summary>
/// Validates the e-mail keys of <c>exporters.email</c> (the kit validates the common push keys after it);
/// every failure is <c>"exporters.email.&lt;key&gt;: …"</c>. The password never appears in a message.
/// </summary>
public sealed class EmailExporterOptionsValidator : IValidateOptions<EmailExporterOptions>
{
    /// <summary>The shortest digest period: shorter is one mail per event with extra steps.</summary>
    public static readonly TimeSpan MinDigest = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDigest = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, EmailExporterOptions options)
    {
        var errors = new List<string>();
        const string at = EmailExporterOptions.YamlPath;
        var tlsKnown = EmailTls.TryParse(options.Tls, out var tls);
        if (!tlsKnown)
        {
            errors.Add($"{at}.tls: \"{options.Tls}\" is not one of {EmailTls.Names}");
        }
        if (string.IsNullOrWhiteSpace(options.Smtp))
        {
            errors.Add($"{at}.smtp: must be set (host:port of the SMTP server, e.g. smtp.example.org:587)");
        }
        else if (!SmtpEndpoint.TryParse(options.Smtp, EmailTls.DefaultPort(tls), out _))
        {
            errors.Add($"{at}.smtp: \"{options.Smtp}\" is not host:port (e.g. smtp.example.org:587, [::1]:25)");
        }
        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            errors.Add(string.IsNullOrEmpty(options.Username)
                ? $"{at}.username: must be set when password is"
                : $"{at}.password: must be set when username is (or leave both out for no SMTP AUTH)");
        }
        if (string.IsNullOrWhiteSpace(options.From))
        {
            errors.Add($"{at}.from: must be set (the sender, e.g. gateway@example.org)");
        }
        else if (!EmailAddresses.TryParse(options.From, out _))
        {
            errors.Add($"{at}.from: \"{options.From}\" is not an e-mail address");
        }
        if (options.To.Count == 0)
        {
            errors.Add($"{at}.to: needs at least one address (to: [ ops@example.org ])");
        }
        for (var i = 0; i < options.To.Count; i++)
        {
            if (!EmailAddresses.TryParse(options.To[i], out _))
            {
                errors.Add($"{at}.to[{i}]: \"{options.To[i]}\" is not an e-mail address");
            }
        }
        if (options.SubjectPrefix is { } prefix && prefix.Any(char.IsControl))
        {
            errors.Add($"{at}.subjectPrefix: must be one line of text");
        }
        if (options.Digest is { } digest && digest != TimeSpan.Zero && (digest < MinDigest || digest > MaxDigest))
        {
            errors.Add($"{at}.digest: must be between {Duration.Format(MinDigest)} and {Duration.Format(MaxDigest)} (or 0s for one mail per event)");
        }
        else if (options.Digest is { } wait && wait > options.Outbox.MaxRetryAfter && options.Outbox.MaxRetryAfter > TimeSpan.Zero)
        {
            // The digest waits by answering "retry after"; the outbox caps that wait at maxRetryAfter.
            errors.Add($"{at}.digest: {Duration.Format(wait)} must not exceed outbox.maxRetryAfter ({Duration.Format(options.Outbox.MaxRetryAfter)}); raise that too");
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.timeout: must be positive");
        }
        else if (options.Outbox.AttemptTimeout > TimeSpan.Zero && options.Timeout >= options.Outbox.AttemptTimeout)
        {
            errors.Add($"{at}.timeout: {Duration.Format(options.Timeout)} must be below outbox.attemptTimeout ({Duration.Format(options.Outbox.AttemptTimeout)})");
        }
        if (options.GatewayUrl is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{at}.gatewayUrl: \"{url}\" is not an http(s) URL (e.g. https://gateway.example.org:9464)");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
