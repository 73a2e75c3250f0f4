using Gateway.Core.Outbox;
using Gateway.Core.Routing;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Routing;

public sealed class RouterTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private readonly List<EventOutbox> _outboxes = [];

    public void Dispose()
    {
        foreach (var outbox in _outboxes)
        {
            outbox.Dispose();
        }
        _dir.Dispose();
    }

    private ExporterPipeline Pipeline(ScriptedExporter exporter)
    {
        var options = new OutboxOptions();
        var outbox = new EventOutbox(exporter.Name, EventOutbox.PathFor(_dir.Path, exporter.Name), options, _time, NullLogger.Instance);
        _outboxes.Add(outbox);
        return new ExporterPipeline(exporter, outbox, new OutboxDelivery(exporter, outbox, options, _time, NullLogger.Instance));
    }

    [Fact]
    public async Task Each_event_goes_to_the_outbox_of_every_exporter_that_accepts_it()
    {
        var alarmsOnly = Pipeline(new ScriptedExporter("alarms") { Filter = e => e.Alarm is not null });
        var everything = Pipeline(new ScriptedExporter("all"));
        var nothing = Pipeline(new ScriptedExporter("none") { Filter = _ => false });
        var router = new Router([alarmsOnly, everything, nothing]);
        var alarm = TestEvents.Alarm();
        var notification = TestEvents.Notification();

        await router.RouteAsync([alarm, notification]);

        Assert.Equal([alarm.Id], (await alarmsOnly.Outbox.PeekAsync(10, long.MaxValue)).Select(e => e.Event.Id));
        Assert.Equal([alarm.Id, notification.Id], (await everything.Outbox.PeekAsync(10, long.MaxValue)).Select(e => e.Event.Id));
        Assert.Equal(0, nothing.Outbox.Count);
    }

    [Fact]
    public async Task A_routed_event_is_on_disk_when_route_returns()
    {
        var pipeline = Pipeline(new ScriptedExporter("durable"));
        var router = new Router([pipeline]);
        var alarm = TestEvents.Alarm();

        await router.RouteAsync(alarm);

        // A second instance on the same file (as after kill -9) already sees it.
        using var reopened = new EventOutbox("durable", pipeline.Outbox.Path, new OutboxOptions(), _time, NullLogger.Instance);
        Assert.Equal(alarm.Id, Assert.Single(await reopened.PeekAsync(10, long.MaxValue)).Event.Id);
    }

    [Fact]
    public async Task Routing_with_no_exporters_is_a_no_op()
    {
        var router = new Router([]);

        await router.RouteAsync([TestEvents.Alarm()]);

        Assert.Empty(router.Pipelines);
    }
}
