using Gateway.Core.Outbox;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Routing;

/// <summary>
/// Creates one outbox and delivery loop per registered push exporter (files under
/// <c>&lt;dataDir&gt;/outbox/</c>) and owns them: disposing it closes the outboxes.
/// </summary>
public sealed class ExporterPipelines : IDisposable
{
    private readonly List<ExporterPipeline> _pipelines = [];

    public ExporterPipelines(
        IServiceProvider services,
        IEnumerable<EventExporterRegistration> registrations,
        OutboxOptions defaults,
        string dataDir,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var registration in registrations)
            {
                var exporter = registration.Factory(services);
                if (!names.Add(exporter.Name))
                {
                    throw new InvalidOperationException($"two push exporters are named \"{exporter.Name}\"; names must be unique (they name the outbox files)");
                }
                var options = defaults.Clone();
                registration.ConfigureOutbox?.Invoke(options);
                var outbox = new EventOutbox(exporter.Name, EventOutbox.PathFor(dataDir, exporter.Name), options, time, loggers.CreateLogger<EventOutbox>());
                var delivery = new OutboxDelivery(exporter, outbox, options, time, loggers.CreateLogger<OutboxDelivery>());
                _pipelines.Add(new ExporterPipeline(exporter, outbox, delivery));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyList<ExporterPipeline> All => _pipelines;

    /// <summary>The counters of every outbox, for <c>/metrics</c>.</summary>
    public IEnumerable<OutboxStatistics> Statistics => _pipelines.Select(p => p.Statistics);

    public void Dispose()
    {
        foreach (var pipeline in _pipelines)
        {
            pipeline.Outbox.Dispose();
        }
    }
}
