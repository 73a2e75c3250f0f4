using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Routing;
using Gateway.Core.Store;
using Gateway.Exporters.Console;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Core.Alarms;

/// <summary>The whole chain as the host wires it: MetricStore → rules → AlarmManager → Router → outbox → exporter.</summary>
public sealed class AlarmRegistrationTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public async Task A_snapshot_over_a_rule_threshold_reaches_the_exporters()
    {
        var config = Config(new()
        {
            ["alarms:minHold"] = "00:00:00",
            ["alarms:rules:0:name"] = "high_run_queue",
            ["alarms:rules:0:metric"] = "erlang_vm_statistics_run_queues_length_total",
            ["alarms:rules:0:raise:above"] = "100",
            ["alarms:rules:0:raise:severity"] = "major",
            ["alarms:rules:0:cease:below"] = "50",
            ["alarms:logRules:0:name"] = "crash",
            ["alarms:logRules:0:pattern"] = "terminated",
        });
        var exporter = new ScriptedExporter("recording");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<MetricStore>()
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddEventExporter(_ => exporter)
            .AddConsoleExporter(config.GetSection("exporters:console"))
            .AddGatewayAlarms(config.GetSection("alarms"), _dir.Path);
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var store = provider.GetRequiredService<MetricStore>();
        var node = new NodeKey("beam", "n1@host");
        var family = new MetricFamily("erlang_vm_statistics_run_queues_length_total", MetricType.Gauge, string.Empty, [new Sample("erlang_vm_statistics_run_queues_length_total", LabelSet.Empty, 150)]);
        store.Update(new NodeSnapshot(node, DateTimeOffset.UtcNow, [family], LabelSet.Empty), NodeStatus.Pending(node, "beam") with { Up = true });
        await Eventually.True(() => exporter.DeliveredCount == 1, "the raised alarm delivered");

        var router = provider.GetRequiredService<IEventRouter>();
        await router.RouteAsync([GatewayEvent.From(new Notification(Guid.NewGuid(), "n1@host", DateTimeOffset.UtcNow, "error", "gen_server x terminated", new Dictionary<string, string>(), "logger"))]);
        await Eventually.True(() => provider.GetRequiredService<AlarmManager>().ActiveCount == 2, "the log rule raised its alarm");

        store.Remove(node);
        await Eventually.True(() => provider.GetRequiredService<AlarmManager>().ActiveCount == 0, "node removal cleared its alarms");
        foreach (var service in hosted.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        var raised = exporter.Delivered[0].Alarm!;
        Assert.Equal((AlarmEventKind.Raised, "high_run_queue", Severity.Major), (raised.Kind, raised.Alarm.Type, raised.Alarm.Severity));
        Assert.Equal(["recording", "console"], provider.GetRequiredService<ExporterPipelines>().All.Select(p => p.Exporter.Name));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "alarms.db")));
    }

    [Fact]
    public void Invalid_rules_fail_at_start_with_their_yaml_paths()
    {
        var config = Config(new()
        {
            ["alarms:rules:0:name"] = "hot_rule",
            ["alarms:rules:0:metric"] = "x",
            ["alarms:rules:0:raise:above"] = "1",
            ["alarms:rules:0:raise:severity"] = "hot",
        });
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<MetricStore>()
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddGatewayAlarms(config.GetSection("alarms"), _dir.Path);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AlarmsOptions>>().Value);

        Assert.Equal(["alarms.rules[0].raise.severity: \"hot\" is not one of critical, major, minor, warning"], error.Failures);
    }
}
