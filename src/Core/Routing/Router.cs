using Gateway.Core.Events;

namespace Gateway.Core.Routing;

/// <summary>
/// Fans events out to the outboxes of the exporters that accept them — the exporter can send the event
/// and its configured filters (<see cref="EventFilter"/>) let it through. The appends to different
/// outboxes run concurrently (each commits on its own file); the call returns when all are durable.
/// Events of one call keep their order in every outbox.
/// </summary>
public sealed class Router : IEventRouter
{
    private readonly ExporterPipeline[] _pipelines;
    private readonly INotificationObserver[] _observers;

    public Router(IEnumerable<ExporterPipeline> pipelines, IEnumerable<INotificationObserver>? observers = null)
    {
        _pipelines = pipelines.ToArray();
        _observers = observers?.ToArray() ?? [];
    }

    public IReadOnlyList<ExporterPipeline> Pipelines => _pipelines;

    public Task RouteAsync(GatewayEvent e, CancellationToken cancellationToken = default) => RouteAsync([e], cancellationToken);

    public Task RouteAsync(IReadOnlyList<GatewayEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }
        List<(ExporterPipeline Pipeline, IReadOnlyList<GatewayEvent> Events)>? targets = null;
        foreach (var pipeline in _pipelines)
        {
            var accepted = Accepted(pipeline, events);
            if (accepted.Count > 0)
            {
                (targets ??= []).Add((pipeline, accepted));
            }
        }
        List<Task>? appends = null;
        if (targets is { Count: 1 })
        {
            appends = [targets[0].Pipeline.Outbox.AppendAsync(targets[0].Events, cancellationToken)];
        }
        else if (targets is not null)
        {
            // An uncontended append commits synchronously on the caller's thread; run each outbox's
            // commit on the pool so their disk writes (fsyncs with synchronous=full) overlap.
            appends = new List<Task>(targets.Count);
            foreach (var (pipeline, accepted) in targets)
            {
                appends.Add(Task.Run(() => pipeline.Outbox.AppendAsync(accepted, cancellationToken), CancellationToken.None));
            }
        }
        if (_observers.Length == 0)
        {
            return appends is null ? Task.CompletedTask : Task.WhenAll(appends);
        }
        return AppendThenObserveAsync(appends, events);
    }

    private async Task AppendThenObserveAsync(List<Task>? appends, IReadOnlyList<GatewayEvent> events)
    {
        if (appends is not null)
        {
            await Task.WhenAll(appends);
        }
        foreach (var e in events)
        {
            if (e.Notification is { } notification)
            {
                foreach (var observer in _observers)
                {
                    observer.Observe(notification);
                }
            }
        }
    }

    private static IReadOnlyList<GatewayEvent> Accepted(ExporterPipeline pipeline, IReadOnlyList<GatewayEvent> events)
    {
        List<GatewayEvent>? accepted = null;
        for (var i = 0; i < events.Count; i++)
        {
            if (pipeline.Accepts(events[i]))
            {
                accepted ??= new List<GatewayEvent>(events.Count);
                accepted.Add(events[i]);
            }
        }
        return accepted is null ? [] : accepted.Count == events.Count ? events : accepted;
    }
}
