using Gateway.Core.Events;

namespace Gateway.Core.Routing;

/// <summary>Where sources and the alarm manager send events; exporters never see it.</summary>
public interface IEventRouter
{
    /// <summary>
    /// Appends each event to the outbox of every exporter that accepts it. Completes once every
    /// append is committed to disk, so an event routed is an event that will be delivered.
    /// </summary>
    Task RouteAsync(IReadOnlyList<GatewayEvent> events, CancellationToken cancellationToken = default);
}
