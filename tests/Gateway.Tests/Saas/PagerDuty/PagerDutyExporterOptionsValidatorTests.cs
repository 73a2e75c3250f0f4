using Gateway.Saas.PagerDuty;

namespace Gateway.Tests.Saas.PagerDuty;

public sealed class PagerDutyExporterOptionsValidatorTests
{
    private static string[] Errors(PagerDutyExporterOptions options) =>
        new PagerDutyExporterOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void A_routing_key_alone_is_enough() =>
        Assert.Empty(Errors(new PagerDutyExporterOptions { RoutingKey = PagerDutyContract.Key }));

    [Fact]
    public void A_missing_routing_key_is_an_error_with_its_path() =>
        Assert.Equal(["exporters.pagerduty.routingKey: must be set (the integration key of an Events API v2 integration, e.g. routingKey: ${PAGERDUTY_ROUTING_KEY})"],
            Errors(new PagerDutyExporterOptions()));

    [Theory]
    [InlineData("u+abcdefghijklmnopqrs")]                     // a REST API token
    [InlineData("e93facc04764012d7bfb002500d5d1a")]          // 31
    [InlineData("e93facc0-4764-012d-7bfb-002500d5d1a6")]     // dashes
    public void A_malformed_routing_key_is_an_error_that_does_not_echo_it(string key)
    {
        var error = Assert.Single(Errors(new PagerDutyExporterOptions { RoutingKey = key }));

        Assert.StartsWith("exporters.pagerduty.routingKey: is not an Events API v2 integration key", error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_url_client_url_and_timeout_are_checked()
    {
        var options = new PagerDutyExporterOptions
        {
            RoutingKey = PagerDutyContract.Key,
            Region = "mars",
            Url = "events.pagerduty.com",
            ClientUrl = "ftp://gateway",
            Timeout = TimeSpan.FromSeconds(30),
        };

        Assert.Equal(
        [
            "exporters.pagerduty.region: \"mars\" is not one of us, eu",
            "exporters.pagerduty.url: must be an absolute http:// or https:// URL (e.g. https://events.pagerduty.com)",
            "exporters.pagerduty.clientUrl: must be an absolute http:// or https:// URL (where users reach this gateway)",
            "exporters.pagerduty.timeout: 00:00:30 must be below outbox.attemptTimeout (00:00:30)",
        ], Errors(options));
    }
}
