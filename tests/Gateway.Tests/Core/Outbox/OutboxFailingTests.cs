using Gateway.Core.Export;
using Gateway.Core.Metrics;
using Gateway.Core.Outbox;
using Gateway.Core.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Outbox;

/// <summary>A peer that refuses the exporter's key (401/403): the events wait, nothing is dead-lettered.</summary>
public sealed class OutboxFailingTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private readonly OutboxOptions _options = new() { Jitter = 0, MaxBatchEvents = 10, MaxBackoff = TimeSpan.FromMinutes(2), BreakerFailures = 2 };

    public void Dispose() => _dir.Dispose();

    private EventOutbox Open() => new("saas", _dir.File("saas.db"), _options, _time, NullLogger.Instance);

    [Fact]
    public async Task A_refused_key_keeps_every_event_waits_the_longest_backoff_and_marks_the_exporter_failing()
    {
        using var outbox = Open();
        var events = Enumerable.Range(0, 4).Select(_ => TestEvents.Alarm()).ToArray();
        await outbox.AppendAsync(events);
        var exporter = new ScriptedExporter("saas") { Otherwise = _ => DeliveryResult.Failing("PagerDuty answered 401 Unauthorized") };
        var delivery = new OutboxDelivery(exporter, outbox, _options, _time, NullLogger.Instance);

        var steps = new List<DeliveryStep>();
        for (var i = 0; i < 5; i++)
        {
            steps.Add(await delivery.DeliverOnceAsync(CancellationToken.None));
        }

        Assert.All(steps, s => Assert.Equal(DeliveryOutcome.Failing, s.Outcome));
        Assert.All(steps, s => Assert.Equal(TimeSpan.FromMinutes(2), s.Delay));
        Assert.True(outbox.Statistics.Failing);
        Assert.Equal(4, outbox.Statistics.Depth);
        Assert.Equal(0, await outbox.CountDeadLettersAsync());
        Assert.Equal("PagerDuty answered 401 Unauthorized", outbox.Statistics.LastError?.Reason);
        Assert.Equal(_time.GetUtcNow(), outbox.Statistics.LastError?.Time);
    }

    [Fact]
    public async Task Once_the_peer_accepts_the_key_the_waiting_events_arrive_in_order_and_the_exporter_is_up()
    {
        using var outbox = Open();
        var events = Enumerable.Range(0, 3).Select(_ => TestEvents.Alarm()).ToArray();
        await outbox.AppendAsync(events);
        var exporter = new ScriptedExporter("saas")
            .Then(DeliveryResult.Failing("403 Forbidden"))
            .Then(DeliveryResult.Failing("403 Forbidden"));
        var delivery = new OutboxDelivery(exporter, outbox, _options, _time, NullLogger.Instance);

        await delivery.DeliverOnceAsync(CancellationToken.None);
        await delivery.DeliverOnceAsync(CancellationToken.None);
        var up = await delivery.DeliverOnceAsync(CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, up.Outcome);
        Assert.False(outbox.Statistics.Failing);
        Assert.Equal(events.Select(e => e.Id), exporter.Delivered.Select(e => e.Id));
        Assert.Equal(0, outbox.Statistics.Depth);
    }

    [Fact]
    public async Task Events_the_peer_took_before_refusing_are_not_sent_again()
    {
        using var outbox = Open();
        var events = Enumerable.Range(0, 5).Select(_ => TestEvents.Alarm()).ToArray();
        await outbox.AppendAsync(events);
        var exporter = new ScriptedExporter("saas").Then(DeliveryResult.Failing("401", delivered: 2));
        var delivery = new OutboxDelivery(exporter, outbox, _options, _time, NullLogger.Instance);

        await delivery.DeliverOnceAsync(CancellationToken.None);
        Assert.Equal(3, outbox.Statistics.Depth);
        await delivery.DeliverOnceAsync(CancellationToken.None);

        Assert.Equal(events.Select(e => e.Id), exporter.Delivered.Select(e => e.Id));
        Assert.Equal(events.Skip(2).Select(e => e.Id), exporter.Calls[1].Select(e => e.Id));
    }

    [Fact]
    public async Task Gateway_exporter_up_is_zero_while_failing_and_one_otherwise()
    {
        var exporter = new ScriptedExporter("saas").Then(DeliveryResult.Failing("401"));
        var registration = new EventExporterRegistration((_, _) => [new PipelineDefinition(exporter, _options, EventFilter.All, OwnsExporter: false, null)]);
        await using var pipelines = new ExporterPipelines(new EmptyServices(), [registration], _options, _dir.Path, _time, NullLoggerFactory.Instance);
        var families = new ExporterFamilies(pipelines);
        await pipelines.All[0].Outbox.AppendAsync(TestEvents.Alarm());

        double Up() => families.Collect().Single(f => f.Name == "gateway_exporter_up").Samples.Single().Value;

        Assert.Equal(1, Up());
        await pipelines.All[0].Delivery.DeliverOnceAsync(CancellationToken.None);
        Assert.Equal(0, Up());
        await pipelines.All[0].Delivery.DeliverOnceAsync(CancellationToken.None);
        Assert.Equal(1, Up());
        Assert.Equal(MetricType.Gauge, families.Collect().Single(f => f.Name == "gateway_exporter_up").Type);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
