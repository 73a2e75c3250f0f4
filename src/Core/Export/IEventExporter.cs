using Gateway.Core.Events;

namespace Gateway.Core.Export;

/// <summary>
/// A push exporter: one method. Batching, retries, backoff, per-attempt timeouts, durability and the
/// common routing filters (<c>minSeverity</c>, <c>events</c>, <c>nodes</c>, <c>groups</c>) are done
/// once, outside every exporter, by the router, the outbox and its delivery loop.
/// </summary>
public interface IEventExporter
{
    /// <summary>Short stable name, used in metrics (<c>exporter</c> label) and the outbox's file name.</summary>
    string Name { get; }

    /// <summary>
    /// Which events this exporter can send at all (e.g. SNMP has no MIB object for logs). The router
    /// enqueues an event only when this is true and the exporter's configured filters let it through.
    /// </summary>
    bool Accepts(GatewayEvent e);

    /// <summary>
    /// Delivers a batch in order. Stopping at the first failure, say how many went through
    /// (<see cref="DeliveryResult.Retry"/> / <see cref="DeliveryResult.Reject"/> with <c>delivered</c>).
    /// The token is cancelled at shutdown and when the attempt exceeds <c>outbox.attemptTimeout</c>.
    /// </summary>
    ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken);
}
