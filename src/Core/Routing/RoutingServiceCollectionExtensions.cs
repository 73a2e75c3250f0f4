using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Gateway.Core.Store;
using Gateway.Core.Streaming;
using Gateway.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the kit's shared parts: the outboxes (one per exporter instance of
    /// <see cref="PushExporterServiceCollectionExtensions.AddPushExporter{TExporter, TOptions}(IServiceCollection, string, IConfiguration, Func{IServiceProvider, TOptions, TExporter}, Action{PushExporterSetup{TOptions}}?)"/>
    /// or <see cref="AddEventExporter{TExporter}"/>), the <see cref="IEventRouter"/>, the delivery loops (a
    /// hosted service), the <see cref="MetricStream"/> (when a <see cref="MetricStore"/> is registered) and
    /// the exporters' self-metrics (<see cref="ExporterFamilies"/>). <paramref name="outboxSection"/> binds
    /// the global <see cref="OutboxOptions"/>; <paramref name="dataDir"/> gives the data folder (outboxes go
    /// to <c>&lt;dataDir&gt;/outbox/&lt;exporter&gt;.db</c>).
    /// </summary>
    public static IServiceCollection AddGatewayOutbox(
        this IServiceCollection services,
        IConfiguration outboxSection,
        Func<IServiceProvider, string> dataDir,
        string yamlPath = "outbox")
    {
        services.AddOptions<OutboxOptions>().Bind(outboxSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>>(new OutboxOptionsValidator(yamlPath));
        services.AddSingleton(new OutboxDefaults(outboxSection));
        services.TryAddSingleton(sp => new MetricStream(sp.GetRequiredService<MetricStore>()));
        services.AddSingleton(sp => new ExporterPipelines(
            sp,
            sp.GetServices<EventExporterRegistration>(),
            sp.GetRequiredService<IOptions<OutboxOptions>>().Value,
            dataDir(sp),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new Router(sp.GetRequiredService<ExporterPipelines>().All, sp.GetServices<INotificationObserver>()));
        services.AddSingleton<IEventRouter>(sp => sp.GetRequiredService<Router>());
        services.AddHostedService<OutboxDeliveryService>();
        services.AddSingleton<IMetricFamilyProvider>(sp => new ExporterFamilies(
            sp.GetRequiredService<ExporterPipelines>(),
            sp.GetService<MetricStore>() is null ? null : sp.GetRequiredService<MetricStream>()));
        return services;
    }

    public static IServiceCollection AddGatewayOutbox(this IServiceCollection services, IConfiguration outboxSection, string dataDir) =>
        services.AddGatewayOutbox(outboxSection, _ => dataDir);

    /// <summary>
    /// Registers a push exporter (a singleton) with its own outbox and delivery loop, without options or
    /// filters of its own. Exporters with a configuration section use <c>AddPushExporter</c>.
    /// </summary>
    public static IServiceCollection AddEventExporter<TExporter>(this IServiceCollection services, Action<OutboxOptions>? configureOutbox = null)
        where TExporter : class, IEventExporter
    {
        services.AddSingleton<TExporter>();
        services.AddSingleton(new EventExporterRegistration(sp => sp.GetRequiredService<TExporter>(), configureOutbox));
        return services;
    }

    /// <summary>Registers a push exporter built by <paramref name="factory"/> (and owned by the caller) with its own outbox and delivery loop.</summary>
    public static IServiceCollection AddEventExporter(
        this IServiceCollection services,
        Func<IServiceProvider, IEventExporter> factory,
        Action<OutboxOptions>? configureOutbox = null)
    {
        services.AddSingleton(new EventExporterRegistration(factory, configureOutbox));
        return services;
    }
}
