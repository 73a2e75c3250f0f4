using Gateway.IntegrationTests.Peers;

namespace Gateway.IntegrationTests.Prometheus;

/// <summary>Targets from Prometheus file_sd JSON follow the file while the gateway runs.</summary>
public sealed class FileSdTests
{
    [Fact]
    public async Task Targets_added_and_removed_in_a_file_sd_file_apply_without_restart()
    {
        await using var targets = await TargetServer.StartAsync([TargetServer.Serve(Expositions.Text004(1)), TargetServer.Serve(Expositions.Text004(2))]);
        var (first, second) = (targets.Ports.First(), targets.Ports.Last());
        var dir = Directory.CreateTempSubdirectory("gateway-filesd-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "targets"));
        var sdFile = Path.Combine(dir, "targets", "apps.json");
        await File.WriteAllTextAsync(sdFile, $$"""[ { "targets": ["127.0.0.1:{{first}}"], "labels": { "team": "core" } } ]""");

        await using var gateway = await GatewayProcess.StartAsync($"""
            collect:
              interval: 1s
              prometheus:
                - job: discovered
                  fileSd: [ {Path.Combine(dir, "targets", "*.json")} ]
            """, dir);

        // The exposition that showed the series is the one checked: a later read could fall on a
        // collection that timed out on a busy machine (its series are then gone until the next).
        var text = await Poll.UntilAsync(async () => await gateway.MetricsAsync() is var metrics && HasSeries(metrics, first) ? metrics : null,
            TimeSpan.FromSeconds(60), "the first target's series", () => gateway.Output);
        Assert.Contains(text.Split('\n'), l => l.StartsWith("app_requests_total{", StringComparison.Ordinal) && l.Contains("team=\"core\"", StringComparison.Ordinal));

        await File.WriteAllTextAsync(sdFile, $$"""[ { "targets": ["127.0.0.1:{{second}}"] } ]""");
        await Poll.UntilAsync(async () =>
            {
                var metrics = await gateway.MetricsAsync();
                return HasSeries(metrics, second) && !metrics.Contains($"instance=\"127.0.0.1:{first}\"", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(120), "the file change to apply", () => gateway.Output);
    }

    private static bool HasSeries(string exposition, int port) =>
        exposition.Split('\n').Any(l => l.StartsWith("app_requests_total{", StringComparison.Ordinal) && l.Contains($"instance=\"127.0.0.1:{port}\"", StringComparison.Ordinal));
}
