using System.Collections.Concurrent;
using Gateway.Core.Events;
using Gateway.Core.Routing;

namespace Gateway.Hosting;

/// <summary>Counts alarm events by kind (<c>gateway_alarm_events_total{event}</c>) on their way to the router.</summary>
internal sealed class CountingEventRouter(Router inner) : IEventRouter
{
    private readonly ConcurrentDictionary<AlarmEventKind, long> _counts = new();

    public IReadOnlyDictionary<AlarmEventKind, long> AlarmEventCounts => _counts;

    public async Task RouteAsync(IReadOnlyList<GatewayEvent> events, CancellationToken cancellationToken = default)
    {
        await inner.RouteAsync(events, cancellationToken);
        foreach (var e in events)
        {
            if (e.Alarm is { } alarm)
            {
                _counts.AddOrUpdate(alarm.Kind, 1, static (_, n) => n + 1);
            }
        }
    }
}
