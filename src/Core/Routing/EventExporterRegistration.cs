using Gateway.Core.Export;
using Gateway.Core.Outbox;

namespace Gateway.Core.Routing;

/// <summary>A push exporter registered for routing: how to create it, and outbox option overrides.</summary>
public sealed record EventExporterRegistration(
    Func<IServiceProvider, IEventExporter> Factory,
    Action<OutboxOptions>? ConfigureOutbox = null);
