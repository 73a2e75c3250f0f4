using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Outbox;
using Gateway.Core.Routing;
using Gateway.Core.Telemetry;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Core.Routing;

/// <summary>An exporter registered by one call, through the real router, outbox and delivery loop.</summary>
public sealed class PushExporterRegistrationTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ServiceProvider Build(Dictionary<string, string?> values, Action<PushExporterSetup<RecordingExporterOptions>>? setup = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddPushExporter<RecordingExporter, RecordingExporterOptions>(
                "recording",
                config.GetSection("exporters:recording"),
                (_, options) => new RecordingExporter("recording", options),
                setup)
            .BuildServiceProvider();
    }

    /// <summary>Routes the events, then a marker every filter lets through, and returns what the exporter got before the marker.</summary>
    private static async Task<IReadOnlyList<GatewayEvent>> RouteAndDeliverAsync(ServiceProvider provider, IReadOnlyList<GatewayEvent> events, GatewayEvent marker)
    {
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        try
        {
            var exporter = (RecordingExporter)Assert.Single(provider.GetRequiredService<ExporterPipelines>().All).Exporter;
            var router = provider.GetRequiredService<IEventRouter>();
            await router.RouteAsync(events);
            await router.RouteAsync([marker]);
            // Delivery keeps the routing order: once the marker is there, everything before it is too.
            await Eventually.True(() => exporter.Delivered.Any(e => e.Id == marker.Id), "the marker delivered");
            return exporter.Delivered.Where(e => e.Id != marker.Id).ToArray();
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task An_exporter_with_min_severity_major_and_events_raised_and_cleared_receives_exactly_what_they_allow()
    {
        await using var provider = Build(new()
        {
            ["exporters:recording:topic"] = "alarms",
            ["exporters:recording:minSeverity"] = "major",
            ["exporters:recording:events:0"] = "raised",
            ["exporters:recording:events:1"] = "cleared",
        });
        var raisedMajor = FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Major, Severity.Cleared);
        var raisedMinor = FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Minor, Severity.Cleared);
        var escalated = FilterEvents.Alarm(AlarmEventKind.SeverityChanged, Severity.Critical, Severity.Major);
        var clearedMajor = FilterEvents.Alarm(AlarmEventKind.Cleared, Severity.Cleared, Severity.Major);
        var clearedMinor = FilterEvents.Alarm(AlarmEventKind.Cleared, Severity.Cleared, Severity.Minor);
        var acknowledged = FilterEvents.Alarm(AlarmEventKind.Acknowledged, Severity.Critical, Severity.Critical);
        var notification = FilterEvents.Notification();
        var nodeDown = FilterEvents.Node(NodeEventKind.Down);
        var marker = FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Critical, Severity.Cleared);

        var delivered = await RouteAndDeliverAsync(provider, [raisedMajor, raisedMinor, escalated, clearedMajor, clearedMinor, acknowledged, notification, nodeDown], marker);

        Assert.Equal([raisedMajor.Id, clearedMajor.Id], delivered.Select(e => e.Id));
        Assert.Equal("alarms", provider.GetRequiredService<IOptions<RecordingExporterOptions>>().Value.Topic);
    }

    [Fact]
    public async Task Nodes_and_groups_filters_keep_the_events_of_matching_nodes_in_the_listed_groups()
    {
        await using var provider = Build(new()
        {
            ["exporters:recording:nodes:0"] = "mim*@*",
            ["exporters:recording:nodes:1"] = "rabbit@host?",
            ["exporters:recording:groups:0"] = "mongooseim",
            ["exporters:recording:groups:1"] = "rabbitmq",
        });
        var inGroup = FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Minor, Severity.Cleared, "mim1@host1", "mongooseim");
        var otherGroup = FilterEvents.Alarm(AlarmEventKind.Raised, Severity.Minor, Severity.Cleared, "mim2@host1", "riak");
        var noGroup = FilterEvents.Notification("mim3@host1");
        var notification = FilterEvents.Notification("rabbit@host2", "rabbitmq");
        var otherNode = FilterEvents.Notification("riak@host1", "rabbitmq");
        var globMismatch = FilterEvents.Node(NodeEventKind.Up, "rabbit@host12", "rabbitmq");
        var removed = FilterEvents.Node(NodeEventKind.Removed, "mim9@host3", "mongooseim");
        var marker = FilterEvents.Node(NodeEventKind.Up, "mim1@host1", "mongooseim");

        var delivered = await RouteAndDeliverAsync(provider, [inGroup, otherGroup, noGroup, notification, otherNode, globMismatch, removed], marker);

        Assert.Equal([inGroup.Id, notification.Id, removed.Id], delivered.Select(e => e.Id));
    }

    [Fact]
    public async Task The_exporter_gets_its_validated_options_and_its_outbox_starts_from_the_global_one()
    {
        await using var provider = Build(new()
        {
            ["outbox:maxBatchEvents"] = "50",
            ["outbox:jitter"] = "0.1",
            ["exporters:recording:outbox:maxBatchEvents"] = "7",
            ["exporters:recording:outbox:attemptTimeout"] = "5s",
        });

        var pipeline = Assert.Single(provider.GetRequiredService<ExporterPipelines>().All);
        var options = provider.GetRequiredService<IOptions<RecordingExporterOptions>>().Value;

        Assert.Equal("recording", pipeline.Exporter.Name);
        Assert.Same(options, ((RecordingExporter)pipeline.Exporter).Options);
        Assert.Equal((7, 0.1, TimeSpan.FromSeconds(5)), (options.Outbox.MaxBatchEvents, options.Outbox.Jitter, options.Outbox.AttemptTimeout));
        Assert.Equal(50, provider.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxBatchEvents);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "outbox", "recording.db")));
    }

    [Fact]
    public async Task Invalid_common_keys_fail_at_start_with_their_yaml_paths_and_the_valid_names()
    {
        await using var provider = Build(
            new()
            {
                ["exporters:recording:minSeverity"] = "huge",
                ["exporters:recording:events:0"] = "raised",
                ["exporters:recording:events:1"] = "logs",
                ["exporters:recording:nodes:0"] = " ",
                ["exporters:recording:groups:0"] = "",
                ["exporters:recording:outbox:jitter"] = "3",
                ["exporters:recording:outbox:attemptTimeout"] = "0s",
            },
            kit => kit.Validator = new TopicValidator());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RecordingExporterOptions>>().Value);

        Assert.Equal(
            [
                "exporters.recording.topic: must be set",
                "exporters.recording.minSeverity: \"huge\" is not one of critical, major, minor, warning, indeterminate",
                "exporters.recording.events[1]: \"logs\" is not one of raised, severity_changed, cleared, acknowledged, unacknowledged, commented, notification, node_up, node_down, node_removed, alarms, nodes",
                "exporters.recording.nodes[0]: must not be empty (a node name or a glob such as \"mim*@*\")",
                "exporters.recording.groups[0]: must not be empty",
                "exporters.recording.outbox.attemptTimeout: must be positive",
                "exporters.recording.outbox.jitter: must be between 0 and 1",
            ],
            error.Failures);
    }

    [Fact]
    public async Task A_global_outbox_error_is_reported_once_under_outbox_not_again_under_each_exporter()
    {
        await using var provider = Build(new()
        {
            ["outbox:jitter"] = "2",
            ["exporters:recording:outbox:maxEvents"] = "0",
        });

        var global = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OutboxOptions>>().Value);
        var own = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RecordingExporterOptions>>().Value);

        Assert.Equal(["outbox.jitter: must be between 0 and 1"], global.Failures);
        Assert.Equal(["exporters.recording.outbox.maxEvents: must be positive"], own.Failures);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("false", 0)]
    [InlineData("true", 1)]
    public void Only_a_present_section_not_disabled_registers_the_exporter(string? enabled, int registrations)
    {
        var values = new Dictionary<string, string?>();
        if (enabled is not null)
        {
            values["exporters:recording:enabled"] = enabled;
        }
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();

        services.AddPushExporter<RecordingExporter, RecordingExporterOptions>("recording", config.GetSection("exporters:recording"), (_, o) => new RecordingExporter("recording", o));

        Assert.Equal(registrations, services.Count(d => d.ServiceType == typeof(EventExporterRegistration)));
        Assert.Equal(new PushExporterDescriptor("recording", "exporters:recording", typeof(RecordingExporterOptions)), Assert.Single(services.PushExporters()));
    }

    [Fact]
    public async Task Several_destinations_get_one_outbox_each_with_their_own_outbox_tweaks_and_are_disposed_with_the_pipelines()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["exporters:multi:topic"] = "x",
            ["exporters:multi:outbox:maxBatchEvents"] = "100",
        }).Build();
        var exporters = new List<RecordingExporter>();
        var provider = new ServiceCollection()
            .AddLogging()
            .AddGatewayOutbox(config.GetSection("outbox"), _dir.Path)
            .AddPushExporter<RecordingExporterOptions>(
                "multi",
                config.GetSection("exporters:multi"),
                (_, options) => new[] { "a", "b" }.Select((suffix, i) =>
                {
                    var exporter = new RecordingExporter("multi-" + suffix, options);
                    exporters.Add(exporter);
                    return new PushDestination(exporter, outbox => outbox.MaxBatchEvents = Math.Min(outbox.MaxBatchEvents, 10 * (i + 1)));
                }))
            .BuildServiceProvider();

        var pipelines = provider.GetRequiredService<ExporterPipelines>().All;
        await provider.GetRequiredService<IEventRouter>().RouteAsync([FilterEvents.Notification()]);
        var queued = pipelines.Select(p => p.Outbox.Count).ToArray();
        var batches = pipelines.Select(p => p.Outbox.Options.MaxBatchEvents).ToArray();
        var names = pipelines.Select(p => p.Exporter.Name).ToArray();
        await provider.DisposeAsync();

        Assert.Equal(["multi-a", "multi-b"], names);
        Assert.Equal([1L, 1L], queued);
        Assert.Equal([10, 20], batches);
        Assert.All(exporters, e => Assert.True(e.Disposed));
    }

    [Fact]
    public async Task The_kit_publishes_the_exporter_families_by_exporter()
    {
        await using var provider = Build(new() { ["exporters:recording:topic"] = "x" });
        var families = provider.GetServices<IMetricFamilyProvider>().OfType<ExporterFamilies>().Single().Collect().ToDictionary(f => f.Name);

        Assert.Equal(
            ["gateway_outbox_depth", "gateway_outbox_dead_letters_total", "gateway_exporter_sent_total", "gateway_exporter_up", "gateway_exporter_retries_total", "gateway_exporter_dropped_total"],
            families.Keys);
        Assert.Equal(LabelSet.Create(new Label("exporter", "recording")), Assert.Single(families["gateway_exporter_sent_total"].Samples).Labels);
        Assert.Equal(LabelSet.Create(new Label("exporter", "recording"), new Label("kind", "events")), Assert.Single(families["gateway_exporter_dropped_total"].Samples).Labels);
    }

    private sealed class TopicValidator : IValidateOptions<RecordingExporterOptions>
    {
        public ValidateOptionsResult Validate(string? name, RecordingExporterOptions options) =>
            options.Topic is null ? ValidateOptionsResult.Fail("exporters.recording.topic: must be set") : ValidateOptionsResult.Success;
    }
}
