using Gateway.Core.Routing;
using Gateway.Saas.Chat;
using Gateway.Saas.Slack;

namespace Gateway.Tests.Saas.Slack;

public sealed class ChatWebhookOptionsValidatorTests
{
    private static readonly ChatWebhookOptionsValidator<SlackExporterOptions> Validator = new("exporters.slack");

    [Fact]
    public void A_missing_url_is_an_error_with_its_path() =>
        Assert.Contains(Validator.Validate(null, new SlackExporterOptions()).Failures!, f => f.StartsWith("exporters.slack.webhookUrl: must be set", StringComparison.Ordinal));

    [Fact]
    public void A_bad_url_is_reported_without_echoing_it()
    {
        var failures = Validator.Validate(null, new SlackExporterOptions { WebhookUrl = "hooks.slack.com/services/T/B/topsecretvalue" }).Failures!;

        var failure = Assert.Single(failures);
        Assert.StartsWith("exporters.slack.webhookUrl: is not an http(s) URL", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecretvalue", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_keys_the_timeout_and_the_attempt_timeout_are_checked()
    {
        var options = new SlackExporterOptions { WebhookUrl = "https://hooks.slack.com/services/T/B/X", Url = "https://hooks.slack.com/services/T/B/Y", Timeout = TimeSpan.FromMinutes(1) };

        var failures = Validator.Validate(null, options).Failures!;

        Assert.Contains("exporters.slack.url: set webhookUrl or url, not both", failures);
        Assert.Contains(failures, f => f.StartsWith("exporters.slack.timeout: must be below outbox.attemptTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_configuration_passes() =>
        Assert.True(Validator.Validate(null, new SlackExporterOptions { Url = "https://hooks.slack.com/services/T/B/X" }).Succeeded);

    [Fact]
    public void Events_take_the_alarm_kinds_only_so_acknowledgements_and_comments_can_be_left_out()
    {
        var kit = new PushExporterOptionsValidator<SlackExporterOptions>("exporters.slack", EventVocabulary.Alarms, Validator);
        var options = new SlackExporterOptions { WebhookUrl = "https://hooks.slack.com/services/T/B/X" };

        options.Events = ["raised", "severity_changed", "cleared"];
        Assert.True(kit.Validate(null, options).Succeeded);
        options.Events = ["raised", "node_down"];
        Assert.Contains("exporters.slack.events[1]: \"node_down\" is not one of raised, severity_changed, cleared, acknowledged, unacknowledged, commented, alarms", kit.Validate(null, options).Failures!);
    }
}
