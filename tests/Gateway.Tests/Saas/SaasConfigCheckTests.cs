using Gateway.Configuration;
using Gateway.Tests.Core.Outbox;

namespace Gateway.Tests.Saas;

/// <summary><c>gateway check-config</c> on PagerDuty and Opsgenie sections: errors with their paths, no secret echoed.</summary>
public sealed class SaasConfigCheckTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ConfigReport Check(string yaml)
    {
        var path = _dir.File("gateway.yaml");
        File.WriteAllText(path, yaml);
        return ConfigCheck.Check(path);
    }

    [Fact]
    public void Valid_sections_pass_without_the_not_implemented_warning()
    {
        var report = Check("""
            exporters:
              pagerduty: { routingKey: e93facc04764012d7bfb002500d5d1a6, region: eu, minSeverity: critical }
              opsgenie: { apiKey: eb243592-faa2-4ba2-a551-1afdf565c889, region: eu, responders: [ { type: team, name: ops } ] }
            """);

        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Errors));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("pagerduty", StringComparison.Ordinal) || w.Contains("opsgenie", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_keys_are_reported_with_their_paths_and_never_echoed()
    {
        const string routingKey = "u+SecretRestApiToken";
        const string apiKey = "not-a-genie-key-but-secret";

        var report = Check($$"""
            exporters:
              pagerduty: { routingKey: "{{routingKey}}", regoin: eu }
              opsgenie: { apiKey: "{{apiKey}}", timeout: 45s, responders: [ { type: team } ] }
            """);

        Assert.False(report.IsValid);
        Assert.Contains(report.Errors, e => e.StartsWith("exporters.pagerduty.routingKey: is not an Events API v2 integration key", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.StartsWith("exporters.pagerduty.regoin", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.StartsWith("exporters.opsgenie.apiKey: is not an Opsgenie API integration key", StringComparison.Ordinal));
        Assert.Contains("exporters.opsgenie.timeout: 00:00:45 must be below outbox.attemptTimeout (00:00:30)", report.Errors);
        Assert.Contains("exporters.opsgenie.responders[0]: a team needs exactly one of id, name", report.Errors);
        Assert.All(report.Errors, e => Assert.DoesNotContain(routingKey, e, StringComparison.Ordinal));
        Assert.All(report.Errors, e => Assert.DoesNotContain(apiKey, e, StringComparison.Ordinal));
    }
}
