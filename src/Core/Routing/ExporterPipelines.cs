using Gateway.Core.Outbox;
using Gateway.Core.Streaming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Routing;

/// <summary>
/// Creates one outbox and delivery loop per push exporter instance (files under
/// <c>&lt;dataDir&gt;/outbox/</c>), subscribes the metric-streaming ones to the <see cref="MetricStream"/>,
/// and owns all of it: disposing it closes the outboxes, the subscriptions and the exporters the kit created.
/// </summary>
public sealed class ExporterPipelines : IDisposable, IAsyncDisposable
{
    private readonly List<ExporterPipeline> _pipelines = [];
    private readonly List<object> _owned = [];

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
                foreach (var definition in registration.Build(services, defaults))
                {
                    var exporter = definition.Exporter;
                    if (definition.OwnsExporter)
                    {
                        _owned.Add(exporter);
                    }
                    if (!names.Add(exporter.Name))
                    {
                        throw new InvalidOperationException($"two push exporters are named \"{exporter.Name}\"; names must be unique (they name the outbox files)");
                    }
                    var outbox = new EventOutbox(exporter.Name, EventOutbox.PathFor(dataDir, exporter.Name), definition.Outbox, time, loggers.CreateLogger<EventOutbox>());
                    _owned.Add(outbox);
                    var delivery = new OutboxDelivery(exporter, outbox, definition.Outbox, time, loggers.CreateLogger<OutboxDelivery>());
                    var metrics = exporter is IMetricStreamExporter ? Subscribe(services, exporter.Name, definition.MetricQueue) : null;
                    if (metrics is not null)
                    {
                        _owned.Add(metrics);
                    }
                    _pipelines.Add(new ExporterPipeline(exporter, outbox, delivery, definition.Filter, metrics));
                }
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
        foreach (var owned in Release())
        {
            switch (owned)
            {
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
                case IAsyncDisposable asyncDisposable:
                    asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Release())
        {
            switch (owned)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private object[] Release()
    {
        var owned = _owned.ToArray();
        _owned.Clear();
        Array.Reverse(owned);
        return owned;
    }

    private static MetricSubscription Subscribe(IServiceProvider services, string exporter, int? capacity) =>
        (services.GetService<MetricStream>() ?? throw new InvalidOperationException($"exporter \"{exporter}\" streams metrics but no MetricStream is registered (AddGatewayOutbox with a MetricStore)"))
            .Subscribe(exporter, capacity ?? MetricSubscription.DefaultCapacity);
}
