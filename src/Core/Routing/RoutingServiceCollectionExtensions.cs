using Gateway.Core.Export;
using Gateway.Core.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outboxes (one per <see cref="AddEventExporter{TExporter}"/>), the
    /// <see cref="IEventRouter"/> and the delivery loops (a hosted service). <paramref name="outboxSection"/>
    /// binds <see cref="OutboxOptions"/>; <paramref name="dataDir"/> gives the data folder
    /// (outboxes go to <c>&lt;dataDir&gt;/outbox/&lt;exporter&gt;.db</c>).
    /// </summary>
    public static IServiceCollection AddGatewayOutbox(
        this IServiceCollection services,
        IConfiguration outboxSection,
        Func<IServiceProvider, string> dataDir,
        string yamlPath = "outbox")
    {
        services.AddOptions<OutboxOptions>().Bind(outboxSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>>(new OutboxOptionsValidator(yamlPath));
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
        return services;
    }

    public static IServiceCollection AddGatewayOutbox(this IServiceCollection services, IConfiguration outboxSection, string dataDir) =>
        services.AddGatewayOutbox(outboxSection, _ => dataDir);

    /// <summary>Registers a push exporter (a singleton) with its own outbox and delivery loop.</summary>
    public static IServiceCollection AddEventExporter<TExporter>(this IServiceCollection services, Action<OutboxOptions>? configureOutbox = null)
        where TExporter : class, IEventExporter
    {
        services.AddSingleton<TExporter>();
        services.AddSingleton(new EventExporterRegistration(sp => sp.GetRequiredService<TExporter>(), configureOutbox));
        return services;
    }

    /// <summary>Registers a push exporter built by <paramref name="factory"/> with its own outbox and delivery loop.</summary>
    public static IServiceCollection AddEventExporter(
        this IServiceCollection services,
        Func<IServiceProvider, IEventExporter> factory,
        Action<OutboxOptions>? configureOutbox = null)
    {
        services.AddSingleton(new EventExporterRegistration(factory, configureOutbox));
        return services;
    }
}
