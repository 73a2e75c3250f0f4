using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Gelf;

/// <summary><c>gateway check-config</c> on the GELF keys of <c>exporters.gelf</c> and <c>logging.gelf</c>.</summary>
public sealed class GelfConfigTests
{
    [Fact]
    public async Task Check_config_reports_every_bad_gelf_key_with_its_yaml_path()
    {
        var (exit, output) = await CheckAsync("""
            exporters:
              gelf:
                endpoint: ftp://graylog:12201
                compression: lz4
                chunkSize: 10
                colour: red
            logging:
              format: xml
              gelf: { endpoint: "tcp://graylog:12201", compression: gzip, minLevel: Loud }
            """);

        Assert.Equal(1, exit);
        Assert.Contains("exporters.gelf.endpoint: scheme \"ftp\" is not one of udp, tcp, tls, http, https", output, StringComparison.Ordinal);
        Assert.Contains("exporters.gelf.compression: \"lz4\" is not one of gzip, zlib, none", output, StringComparison.Ordinal);
        Assert.Contains("exporters.gelf.chunkSize: must be between 64 and 65507 bytes", output, StringComparison.Ordinal);
        Assert.Contains("exporters.gelf.colour: unknown key (known here: ", output, StringComparison.Ordinal);
        Assert.Contains("logging.format: \"xml\" is not one of text, json", output, StringComparison.Ordinal);
        Assert.Contains("logging.gelf.compression: GELF over TCP is not compressed", output, StringComparison.Ordinal);
        Assert.Contains("logging.gelf.minLevel: \"Loud\" is not one of Trace, Debug, Information, Warning, Error, Critical", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_gelf_configuration_passes_and_gelf_is_no_longer_reported_as_ignored()
    {
        var (exit, output) = await CheckAsync("""
            exporters:
              gelf: { endpoint: "udp://127.0.0.1:12201", minSeverity: minor, events: [ alarms, node_down ] }
            logging:
              logLevel: { Default: Information, Gateway.Collector: Debug }
              gelf: { endpoint: "http://127.0.0.1:12202", headers: { Authorization: "Bearer x" } }
            """);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("exporters.gelf: not implemented", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> CheckAsync(string yaml)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("gateway-gelf-config-").FullName, "gateway.yaml");
        await File.WriteAllTextAsync(file, yaml);
        await using var process = ManagedProcess.Start("dotnet", [GatewayProcess.GatewayDll, "check-config", file]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (exit, process.Output);
    }
}
