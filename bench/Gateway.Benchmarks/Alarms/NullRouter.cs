using Gateway.Core.Events;
using Gateway.Core.Routing;

namespace Gateway.Benchmarks.Alarms;

/// <summary>A router that only counts, so rule benchmarks measure evaluation, not outbox I/O.</summary>
internal sealed class NullRouter : IEventRouter
{
    public long Routed { get; private set; }

    public Task RouteAsync(IReadOnlyList<GatewayEvent> events, CancellationToken cancellationToken = default)
    {
        Routed += events.Count;
        return Task.CompletedTask;
    }
}
