using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Saas;

/// <summary><c>gateway check-config</c> on Datadog and Splunk HEC sections: every error with its path, no secret in any.</summary>
public sealed class SaasCheckConfigTests
{
    private const string Key = "dd-check-config-key-0123456789";
    private const string Token = "5f0e7c3a-1b2d-4e6f-8a9b-0c1d2e3f4a5b";

    private static async Task<(int Exit, string Output)> CheckAsync(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("gateway-saas-check-").FullName;
        var path = Path.Combine(dir, "gateway.yaml");
        await File.WriteAllTextAsync(path, yaml);
        await using var process = ManagedProcess.Start("dotnet", [GatewayProcess.GatewayDll, "check-config", path],
            new Dictionary<string, string?> { ["DD_API_KEY"] = Key, ["SPLUNK_HEC_TOKEN"] = Token });
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, process.Output);
    }

    [Fact]
    public async Task Wrong_sections_name_every_error_by_path_and_no_secret()
    {
        var (exit, output) = await CheckAsync("""
            exporters:
              datadog:
                apiKey: ${DD_API_KEY}
                site: datadoghq.mars
                metrics: { inclde: [ "erlang_vm_*" ] }
                timeout: 1m
              splunkHec:
                url: splunk:8088
                token: ${SPLUNK_HEC_TOKEN}
                ack: { enabled: true, channel: not-a-guid }
            """);

        Assert.Equal(1, exit);
        Assert.Contains("exporters.datadog.site: \"datadoghq.mars\" is not one of", output, StringComparison.Ordinal);
        Assert.Contains("exporters.datadog.metrics.inclde: unknown key", output, StringComparison.Ordinal);
        Assert.Contains("exporters.datadog.timeout: must be below outbox.attemptTimeout", output, StringComparison.Ordinal);
        Assert.Contains("exporters.splunkHec.url: must be an http(s) URL", output, StringComparison.Ordinal);
        Assert.Contains("exporters.splunkHec.ack.channel: \"not-a-guid\" is not a GUID", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_architecture_examples_pass()
    {
        var (exit, output) = await CheckAsync("""
            exporters:
              datadog: { apiKey: "${DD_API_KEY}", site: datadoghq.eu, metrics: [ "erlang_vm_*" ] }
              splunkHec: { url: https://splunk:8088, token: "${SPLUNK_HEC_TOKEN}", index: beam }
            """);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, output, StringComparison.Ordinal);
    }
}
