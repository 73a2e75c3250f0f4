using Gateway.Core.Events;

namespace Gateway.Core.Routing;

/// <summary>
/// Sees every notification the router accepted (after it is durable in the outboxes), e.g. the
/// log-pattern rules. Called on the routing path: must be quick and must not throw (queue the work).
/// </summary>
public interface INotificationObserver
{
    void Observe(Notification notification);
}
