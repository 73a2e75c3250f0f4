using System.Text;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Core.Routing;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Core.Alarms;

/// <summary>The alarm families as <c>AddGatewayAlarms</c> registers them.</summary>
public sealed class AlarmSelfMetricsTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Active_alarms_are_counted_per_node_type_and_severity_with_the_node_job_when_known()
    {
        await using var provider = Build();
        var store = provider.GetRequiredService<MetricStore>();
        store.Register(new NodeKey("beam", "n1@host"), "beam");
        var alarms = provider.GetRequiredService<AlarmManager>();
        await alarms.RaiseExternalAsync("n1@host", "disk_full", "/var", Severity.Major, "full");
        await alarms.RaiseExternalAsync("n1@host", "disk_full", "/home", Severity.Major, "full");
        await alarms.RaiseExternalAsync("n1@host", "fan", "1", Severity.Critical, "stopped");
        await alarms.RaiseExternalAsync("ext@host", "disk_full", "/", Severity.Minor, "nearly full");

        var family = Assert.Single(provider.GetServices<IMetricFamilyProvider>().SelectMany(p => p.Collect()), f => f.Name == "gateway_alarm_active");

        Assert.Equal(MetricType.Gauge, family.Type);
        Assert.Equal(
            [
                "{instance=\"ext@host\",severity=\"minor\",type=\"disk_full\"} 1",
                "{instance=\"n1@host\",job=\"beam\",severity=\"major\",type=\"disk_full\"} 2",
                "{instance=\"n1@host\",job=\"beam\",severity=\"critical\",type=\"fan\"} 1",
            ],
            family.Samples.Select(s => $"{s.Labels} {s.Value}"));
    }

    [Fact]
    public async Task Without_active_alarms_no_per_node_series_are_rendered()
    {
        await using var provider = Build();

        Assert.DoesNotContain(provider.GetServices<IMetricFamilyProvider>().SelectMany(p => p.Collect()), f => f.Name == "gateway_alarm_active");
    }

    [Fact]
    public async Task Alarms_by_severity_and_events_by_kind_are_in_the_self_metrics_from_zero()
    {
        await using var provider = Build();
        var alarms = provider.GetRequiredService<AlarmManager>();
        var before = await TextAsync(provider);
        var id = await alarms.RaiseExternalAsync("n1@host", "disk_full", "/var", Severity.Major, "full");
        await alarms.AcknowledgeAsync(id);
        await alarms.RaiseExternalAsync("n1@host", "fan", "1", Severity.Critical, "stopped");
        await alarms.ClearExternalAsync(id);

        var after = await TextAsync(provider);

        Assert.Contains("gateway_alarms_active{severity=\"major\",instance=\"gw1\",job=\"gateway\"} 0\n", before, StringComparison.Ordinal);
        Assert.Contains("gateway_alarm_events_total{event=\"raised\",instance=\"gw1\",job=\"gateway\"} 0\n", before, StringComparison.Ordinal);
        Assert.Contains("gateway_alarms_active{severity=\"critical\",instance=\"gw1\",job=\"gateway\"} 1\n", after, StringComparison.Ordinal);
        Assert.Contains("gateway_alarms_active{severity=\"major\",instance=\"gw1\",job=\"gateway\"} 0\n", after, StringComparison.Ordinal);
        Assert.Contains("gateway_alarm_events_total{event=\"raised\",instance=\"gw1\",job=\"gateway\"} 2\n", after, StringComparison.Ordinal);
        Assert.Contains("gateway_alarm_events_total{event=\"acknowledged\",instance=\"gw1\",job=\"gateway\"} 1\n", after, StringComparison.Ordinal);
        Assert.Contains("gateway_alarm_events_total{event=\"cleared\",instance=\"gw1\",job=\"gateway\"} 1\n", after, StringComparison.Ordinal);
    }

    private ServiceProvider Build()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["alarms:minHold"] = "00:00:00" }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<MetricStore>()
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddGatewayAlarms(config.GetSection("alarms"), _dir.Path);
        services.AddOptions<SelfMetricsOptions>().Configure(o => o.Instance = "gw1");
        return services.BuildServiceProvider();
    }

    private static async Task<string> TextAsync(IServiceProvider provider)
    {
        using var stream = new MemoryStream();
        await provider.GetRequiredService<SelfMetrics>().WriteAsync(stream, openMetrics: false);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
