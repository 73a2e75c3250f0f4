using Gateway.Core.Export;
using Gateway.Core.Outbox;

namespace Gateway.Core.Routing;

/// <summary>
/// One exporter instance of an exporter with several destinations (SNMP: one per NMS), each with its own
/// outbox; <paramref name="ConfigureOutbox"/> adjusts that outbox's options (already the exporter's own).
/// The exporter's <see cref="IEventExporter.Name"/> names the outbox and must be unique.
/// </summary>
public sealed record PushDestination(IEventExporter Exporter, Action<OutboxOptions>? ConfigureOutbox = null);
