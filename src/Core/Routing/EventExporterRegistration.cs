using Gateway.Core.Export;
using Gateway.Core.Outbox;

namespace Gateway.Core.Routing;

/// <summary>
/// A push exporter registered for routing: how to build its pipeline(s) once the services exist. One
/// registration may give several pipelines (an exporter with several destinations).
/// </summary>
public sealed class EventExporterRegistration
{
    private readonly Func<IServiceProvider, OutboxOptions, IEnumerable<PipelineDefinition>> _build;

    /// <param name="build">From the services and the global outbox options, the pipelines to open.</param>
    public EventExporterRegistration(Func<IServiceProvider, OutboxOptions, IEnumerable<PipelineDefinition>> build)
    {
        _build = build;
    }

    /// <summary>One exporter owned by the caller (e.g. a DI singleton), without filters; the global outbox options adjusted by <paramref name="configureOutbox"/>.</summary>
    public EventExporterRegistration(Func<IServiceProvider, IEventExporter> factory, Action<OutboxOptions>? configureOutbox = null)
        : this((services, defaults) =>
        {
            var outbox = defaults.Clone();
            configureOutbox?.Invoke(outbox);
            return [new PipelineDefinition(factory(services), outbox, EventFilter.All)];
        })
    {
    }

    public IEnumerable<PipelineDefinition> Build(IServiceProvider services, OutboxOptions defaults) => _build(services, defaults);
}
