using Gateway.Core.Events;

namespace Gateway.Core.Export;

/// <summary>
/// A push exporter: one method. Batching, retries, backoff and durability are done once, outside
/// every exporter, by the outbox and its delivery loop.
/// </summary>
public interface IEventExporter
{
    /// <summary>Short stable name, used in metrics (<c>exporter</c> label) and the outbox's folder.</summary>
    string Name { get; }

    /// <summary>Which events this exporter wants (the router only enqueues those).</summary>
    bool Accepts(GatewayEvent e);

    ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken);
}
