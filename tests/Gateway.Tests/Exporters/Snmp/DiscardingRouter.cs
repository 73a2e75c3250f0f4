using Gateway.Core.Events;
using Gateway.Core.Routing;

namespace Gateway.Tests.Exporters.Snmp;

/// <summary>A router for an alarm manager whose events the test does not look at.</summary>
internal sealed class DiscardingRouter : IEventRouter
{
    public Task RouteAsync(IReadOnlyList<GatewayEvent> events, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
