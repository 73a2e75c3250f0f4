using Gateway.Core.Routing;
using Gateway.Exporters.Alertmanager;

namespace Gateway.Tests.Exporters.Alertmanager;

public sealed class AlertmanagerExporterOptionsValidatorTests
{
    private static IEnumerable<string> Errors(AlertmanagerExporterOptions options) =>
        new AlertmanagerExporterOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void One_url_or_a_list_is_fine() =>
        Assert.Empty(Errors(new AlertmanagerExporterOptions { Urls = ["http://am1:9093", "http://am2:9093"] }));

    [Fact]
    public void Every_problem_is_reported_with_its_path()
    {
        var errors = Errors(new AlertmanagerExporterOptions
        {
            Url = "http://am:9093",
            Urls = ["am2:9093", "http://am3:9093", "http://am3:9093/"],
            ResendInterval = TimeSpan.FromMinutes(5),
            Timeout = TimeSpan.FromSeconds(45),
            Events = ["raised", "cleared"],
        }).ToArray();

        Assert.Contains("exporters.alertmanager.url: set url or urls, not both", errors);
        Assert.Contains(errors, e => e.StartsWith("exporters.alertmanager.urls[0]: \"am2:9093\" is not an http(s) URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.alertmanager.urls[2]: \"http://am3:9093/\" is listed twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.alertmanager.resendInterval: must be below 5m", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.alertmanager.timeout: must be below outbox.attemptTimeout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("exporters.alertmanager.events: must include raised, severity_changed and cleared", StringComparison.Ordinal));
    }

    [Fact]
    public void No_url_at_all_is_an_error() =>
        Assert.Contains(Errors(new AlertmanagerExporterOptions()), e => e.StartsWith("exporters.alertmanager.urls: needs at least one", StringComparison.Ordinal));

    [Fact]
    public void A_password_in_a_url_is_not_echoed() =>
        Assert.DoesNotContain(Errors(new AlertmanagerExporterOptions { Urls = ["http://u:hunter2pass@am:9093", "http://u:hunter2pass@am:9093"] }), e => e.Contains("hunter2pass", StringComparison.Ordinal));

    [Fact]
    public void Events_take_the_alarm_kinds_only()
    {
        var kit = new PushExporterOptionsValidator<AlertmanagerExporterOptions>("exporters.alertmanager", AlertmanagerEventNames.Vocabulary, new AlertmanagerExporterOptionsValidator());

        var failures = kit.Validate(null, new AlertmanagerExporterOptions { Url = "http://am:9093", Events = ["alarms", "notification"] }).Failures!;

        Assert.Contains("exporters.alertmanager.events[1]: \"notification\" is not one of raised, severity_changed, cleared, acknowledged, unacknowledged, commented, alarms", failures);
        Assert.True(kit.Validate(null, new AlertmanagerExporterOptions { Url = "http://am:9093", Events = ["alarms"] }).Succeeded);
    }
}
