using Gateway.Saas.Opsgenie;

namespace Gateway.Tests.Saas.Opsgenie;

public sealed class OpsgenieExporterOptionsValidatorTests
{
    private static string[] Errors(OpsgenieExporterOptions options) =>
        new OpsgenieExporterOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void An_api_key_alone_is_enough() =>
        Assert.Empty(Errors(new OpsgenieExporterOptions { ApiKey = OpsgenieContract.Key }));

    [Fact]
    public void A_missing_api_key_is_an_error_with_its_path() =>
        Assert.Equal(["exporters.opsgenie.apiKey: must be set (the key of an Opsgenie API integration, e.g. apiKey: ${OPSGENIE_API_KEY})"], Errors(new OpsgenieExporterOptions()));

    [Fact]
    public void A_malformed_api_key_is_an_error_that_does_not_echo_it()
    {
        const string key = "GenieKey eb243592faa24ba2a5511afdf565c889x";

        var error = Assert.Single(Errors(new OpsgenieExporterOptions { ApiKey = key }));

        Assert.StartsWith("exporters.opsgenie.apiKey: is not an Opsgenie API integration key", error, StringComparison.Ordinal);
        Assert.DoesNotContain("eb243592", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_url_timeout_tags_and_responders_are_checked()
    {
        var options = new OpsgenieExporterOptions
        {
            ApiKey = OpsgenieContract.Key,
            Region = "asia",
            Url = "/v2/alerts",
            Timeout = TimeSpan.FromMinutes(1),
            Tags = [new string('t', 51)],
            Responders =
            [
                new() { Type = "squad", Name = "ops" },
                new() { Type = "team" },
                new() { Type = "user", Name = "jane" },
                new() { Type = "schedule", Username = "jane" },
            ],
        };

        Assert.Equal(
        [
            "exporters.opsgenie.region: \"asia\" is not one of us, eu",
            "exporters.opsgenie.url: must be an absolute http:// or https:// URL (e.g. https://api.eu.opsgenie.com)",
            "exporters.opsgenie.timeout: 00:01:00 must be below outbox.attemptTimeout (00:00:30)",
            "exporters.opsgenie.tags[0]: must be 1 to 50 characters",
            "exporters.opsgenie.responders[0].type: \"squad\" is not one of team, user, escalation, schedule",
            "exporters.opsgenie.responders[1]: a team needs exactly one of id, name",
            "exporters.opsgenie.responders[2].name: a user is given by id or username",
            "exporters.opsgenie.responders[3].username: only a user has a username (a schedule is given by id or name)",
        ], Errors(options));
    }
}
