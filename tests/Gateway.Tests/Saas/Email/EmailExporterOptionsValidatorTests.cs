using Gateway.Saas.Email;

namespace Gateway.Tests.Saas.Email;

public sealed class EmailExporterOptionsValidatorTests
{
    private static EmailExporterOptions Valid() => new()
    {
        Smtp = "smtp.example.org:587",
        Username = "gateway",
        Password = "hunter2-secret",
        From = "Gateway <gateway@example.org>",
        To = ["ops@example.org"],
    };

    private static string[] Errors(EmailExporterOptions options) =>
        new EmailExporterOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void A_complete_section_is_valid()
    {
        Assert.Empty(Errors(Valid()));
        var digest = Valid();
        digest.Digest = TimeSpan.FromMinutes(5);
        digest.Tls = "TLS";
        digest.Smtp = "[::1]";
        Assert.Empty(Errors(digest));
    }

    [Fact]
    public void Every_error_names_its_yaml_path()
    {
        var options = new EmailExporterOptions
        {
            Smtp = "smtp example",
            Tls = "ssl",
            Password = "hunter2-secret",
            From = "gateway",
            To = ["ops@example.org", "x"],
            SubjectPrefix = "[prod]\r\nBcc: evil@example.org",
            Digest = TimeSpan.FromDays(2),
            GatewayUrl = "gateway:9464",
        };

        Assert.Equal(
        [
            "exporters.email.tls: \"ssl\" is not one of none, starttls, tls",
            "exporters.email.smtp: \"smtp example\" is not host:port (e.g. smtp.example.org:587, [::1]:25)",
            "exporters.email.username: must be set when password is",
            "exporters.email.from: \"gateway\" is not an e-mail address",
            "exporters.email.to[1]: \"x\" is not an e-mail address",
            "exporters.email.subjectPrefix: must be one line of text",
            "exporters.email.digest: must be between 1s and 1d (or 0s for one mail per event)",
            "exporters.email.gatewayUrl: \"gateway:9464\" is not an http(s) URL (e.g. https://gateway.example.org:9464)",
        ], Errors(options));
    }

    [Fact]
    public void Missing_keys_say_what_to_set()
    {
        Assert.Equal(
        [
            "exporters.email.smtp: must be set (host:port of the SMTP server, e.g. smtp.example.org:587)",
            "exporters.email.from: must be set (the sender, e.g. gateway@example.org)",
            "exporters.email.to: needs at least one address (to: [ ops@example.org ])",
        ], Errors(new EmailExporterOptions()));
    }

    [Fact]
    public void The_timeout_must_be_below_the_attempt_timeout_and_the_password_is_never_shown()
    {
        var options = Valid();
        options.Username = null;
        options.Timeout = TimeSpan.FromSeconds(30);
        options.Outbox.AttemptTimeout = TimeSpan.FromSeconds(30);

        var errors = Errors(options);

        Assert.Equal(
        [
            "exporters.email.username: must be set when password is",
            "exporters.email.timeout: 30s must be below outbox.attemptTimeout (30s)",
        ], errors);
        Assert.DoesNotContain(errors, e => e.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_digest_longer_than_the_outboxs_longest_retry_after_is_an_error()
    {
        var options = Valid();
        options.Digest = TimeSpan.FromHours(2);

        Assert.Equal(["exporters.email.digest: 2h must not exceed outbox.maxRetryAfter (1h); raise that too"], Errors(options));
        options.Outbox.MaxRetryAfter = TimeSpan.FromHours(3);
        Assert.Empty(Errors(options));
    }

    [Fact]
    public void A_username_without_a_password_is_an_error_on_password()
    {
        var options = Valid();
        options.Password = null;

        Assert.Equal(["exporters.email.password: must be set when username is (or leave both out for no SMTP AUTH)"], Errors(options));
    }
}
