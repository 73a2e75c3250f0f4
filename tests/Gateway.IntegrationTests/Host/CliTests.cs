using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Host;

/// <summary>The <c>gateway</c> executable's verbs, run as a user would run them.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Check_config_accepts_the_documented_example()
    {
        var (exit, output) = await RunAsync("check-config", await WriteAsync("""
            gateway:
              listen: 127.0.0.1:9464
              dataDir: ./data
              apiToken: ${from env}
            collect:
              interval: 15s
              timeout: 5s
              prometheus:
                - job: rabbitmq
                  targets: [ 127.0.0.1:15692 ]
                  path: /metrics
                - job: discovered
                  fileSd: [ targets/*.json ]
            exporters:
              console: {}
              prometheus: {}
            """));
        Assert.True(exit == 0, output);
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_config_lists_every_error_with_its_yaml_path()
    {
        var (exit, output) = await RunAsync("check-config", await WriteAsync("""
            gateway:
              listen: nowhere
            collect:
              interval: 15s
              prometheus:
                - job: rabbitmq
                  targets: [ 127.0.0.1:15692, "host:abc" ]
            """));
        Assert.Equal(1, exit);
        Assert.Contains("collect.prometheus[0].targets[1]: \"host:abc\" is not host:port", output, StringComparison.Ordinal);
        Assert.Contains("gateway.listen:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_config_rejects_an_unknown_exporter_name_and_lists_the_known_ones()
    {
        var (exit, output) = await RunAsync("check-config", await WriteAsync("""
            exporters:
              console: {}
              kafak: { bootstrapServers: 127.0.0.1:9092 }
            """));
        Assert.Equal(1, exit);
        Assert.Contains(
            "exporters.kafak: unknown exporter (known: alertmanager, console, datadog, email, gelf, kafka, opsgenie, pagerduty, prometheus, slack, snmp, splunkHec, teams, webhook, remoteWrite, otlp, grafana)",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planned_exporters_load_and_are_reported_as_ignored()
    {
        var (exit, output) = await RunAsync("check-config", await WriteAsync("""
            exporters:
              remoteWrite: { urls: [ https://mimir.example/api/v1/push ] }
              otlp: { endpoint: http://otel-collector:4318, protocol: http }
            """));
        Assert.True(exit == 0, output);
        foreach (var exporter in new[] { "remoteWrite", "otlp" })
        {
            Assert.Contains($"exporters.{exporter}: not implemented in this version; ignored", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_config_reports_the_common_push_exporter_keys_with_their_paths()
    {
        var (exit, output) = await RunAsync("check-config", await WriteAsync("""
            exporters:
              console:
                minSeverity: urgent
                events: [ raised, logs ]
                outbox: { jiter: 0.1, attemptTimeout: 0s }
            """));
        Assert.Equal(1, exit);
        Assert.Contains("exporters.console.minSeverity: \"urgent\" is not one of critical, major, minor, warning, indeterminate", output, StringComparison.Ordinal);
        Assert.Contains("exporters.console.events[1]: \"logs\" is not one of raised, severity_changed, cleared, acknowledged, unacknowledged, commented, notification, node_up, node_down, node_removed, alarms, nodes", output, StringComparison.Ordinal);
        Assert.Contains("exporters.console.outbox.jiter: unknown key (known here: attemptTimeout, ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_configuration_example_of_the_readme_passes_check_config()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        var examples = System.Text.RegularExpressions.Regex.Matches(readme, "```yaml\n(?<yaml>.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups["yaml"].Value)
            .Where(yaml => !yaml.StartsWith("# prometheus.yml", StringComparison.Ordinal))
            .ToArray();
        // The examples take their secrets from the environment.
        var environment = new Dictionary<string, string?>
        {
            ["DD_API_KEY"] = "dd-api-key",
            ["SPLUNK_HEC_TOKEN"] = "hec-token",
            ["SMTP_PASSWORD"] = "smtp-password",
            ["SNMP_AUTH"] = "auth-passphrase",
            ["SNMP_PRIV"] = "priv-passphrase",
            ["ERLANG_COOKIE"] = "cookie",
            ["SLACK_WEBHOOK_URL"] = "https://hooks.slack.com/services/T0/B0/x",
            ["TEAMS_WEBHOOK_URL"] = "https://example.invalid/workflows/x/triggers/manual/paths/invoke?sig=x",
            ["PAGERDUTY_ROUTING_KEY"] = "e93facc04764012d7bfb002500d5d1a6",
            ["OPSGENIE_API_KEY"] = "eb243592-faa2-4ba2-a551-1afdf565c889",
            ["KAFKA_PASSWORD"] = "kafka-password",
            ["GATEWAY_WEBHOOK_URL"] = "https://receiver.example/hooks/gateway",
            ["GATEWAY_WEBHOOK_SECRET"] = "webhook-hmac-secret-0123456789",
            ["RECEIVER_TOKEN"] = "receiver-token",
        };

        Assert.NotEmpty(examples);
        foreach (var yaml in examples)
        {
            await using var process = ManagedProcess.Start("dotnet", [GatewayProcess.GatewayDll, "check-config", await WriteAsync(yaml)], environment);
            var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exit == 0, yaml + "\n" + process.Output);
        }
    }

    [Fact]
    public async Task A_bad_duration_and_broken_yaml_are_clear_messages_not_stack_traces()
    {
        var (exit, output) = await RunAsync("check-config", await WriteAsync("collect:\n  interval: 1x\n"));
        Assert.Equal(1, exit);
        Assert.Contains("collect.interval: \"1x\" is not a duration", output, StringComparison.Ordinal);

        (exit, output) = await RunAsync("check-config", await WriteAsync("collect: [\n"));
        Assert.Equal(1, exit);
        Assert.Contains("line ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);

        (exit, output) = await RunAsync("run", "--config", await WriteAsync("gateway:\n  listen: 127.0.0.1:abc\n"));
        Assert.Equal(1, exit);
        Assert.Contains("gateway.listen:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_in_a_config_never_appear_in_its_errors()
    {
        var (exit, output) = await RunAsync("check-config", await WriteAsync("gateway:\n  apiToken: s3cr3t\n"));
        Assert.Equal(1, exit);
        Assert.Contains("gateway.apiToken:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_and_usage()
    {
        var (exit, output) = await RunAsync("version");
        Assert.Equal(0, exit);
        Assert.StartsWith("gateway ", output, StringComparison.Ordinal);

        (exit, output) = await RunAsync("frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mib_prints_the_gateway_mib_module()
    {
        var (exit, output) = await RunAsync("mib");
        Assert.Equal(0, exit);
        Assert.StartsWith("GATEWAY-MIB DEFINITIONS ::= BEGIN", output.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("END", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_config_the_embedded_default_starts_and_says_how_to_configure()
    {
        var dir = Directory.CreateTempSubdirectory("gateway-default-").FullName;
        var port = FreePort.Next();
        await using var process = ManagedProcess.Start("dotnet", [GatewayProcess.GatewayDll],
            new Dictionary<string, string?> { ["GATEWAY__GATEWAY__LISTEN"] = $"127.0.0.1:{port}" }, dir);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Poll.UntilAsync(async () => (await http.GetAsync("/readyz")).IsSuccessStatusCode && process.Output.Contains("Watching", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the default gateway to start", () => process.Output);

        Assert.Contains("embedded default", process.Output, StringComparison.Ordinal);
        Assert.Contains("gateway run --config", process.Output, StringComparison.Ordinal);
        Assert.Equal("ok\n", await http.GetStringAsync("/healthz"));
        Assert.Contains("gateway_", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> WriteAsync(string yaml)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("gateway-cli-").FullName, "gateway.yaml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        await using var process = ManagedProcess.Start("dotnet", [GatewayProcess.GatewayDll, .. args]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, process.Output);
    }
}
