using Gateway.Collector.Beam;
using Gateway.Collector.PrometheusText;
using Gateway.Collector.Scheduling;
using Gateway.Core.Intake;
using Gateway.Core.Routing;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Collector;

public static class CollectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the collector: <see cref="CollectOptions"/> bound from <paramref name="collectSection"/> and
    /// validated at start, <see cref="ScrapeStatistics"/> with its self-metrics (<c>gateway_scrape_errors_total</c>
    /// per node as an <see cref="IMetricFamilyProvider"/>, the <c>gateway_collection_duration_seconds</c>
    /// histogram in <see cref="SelfMetrics"/>), the Prometheus text source and its discovery
    /// (static + file_sd), and the <see cref="ScrapeScheduler"/> hosted service. The host registers
    /// <see cref="Gateway.Core.Store.MetricStore"/>; <see cref="TimeProvider"/> defaults to the system clock.
    /// Other sources plug in by registering an <see cref="INodeSource"/> and an <see cref="ITargetProvider"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="collectSection">The <c>collect</c> configuration section.</param>
    /// <param name="baseDirectory">Relative file_sd globs resolve against it: the config file's directory
    /// (the current directory when null).</param>
    public static IServiceCollection AddGatewayCollector(this IServiceCollection services, IConfiguration collectSection, string? baseDirectory = null)
    {
        services.AddOptions<CollectOptions>().Bind(collectSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CollectOptions>, CollectOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSelfMetrics();
        services.TryAddSingleton(static sp => new ScrapeStatistics(sp.GetRequiredService<SelfMetrics>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetricFamilyProvider, ScrapeErrorFamilies>());
        // The host registers Core's intake (AddGatewayAlarms); a host without Core's judging half (a
        // collector test) gets a plain one over its MetricStore.
        services.TryAddSingleton<ICoreIntake>(sp => new CoreIntake(sp.GetRequiredService<MetricStore>(), sp.GetService<IEventRouter>()));

        services.AddHttpClient(PrometheusTextHttp.ClientName)
            .ConfigurePrimaryHttpMessageHandler(PrometheusTextHttp.CreateHandler)
            .ConfigureHttpClient(PrometheusTextHttp.Configure)
            // The handler recycles its own connections (PooledConnectionLifetime); no factory rotation needed.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => new PrometheusTextSource(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PrometheusTextHttp.ClientName)));
        services.AddSingleton<INodeSource>(sp => sp.GetRequiredService<PrometheusTextSource>());
        services.AddSingleton<ITargetProvider>(sp => PrometheusDiscovery.Create(
            sp.GetRequiredService<IOptions<CollectOptions>>().Value,
            baseDirectory ?? Directory.GetCurrentDirectory(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));

        if (collectSection.GetSection("beam").Exists())
        {
            services.AddBeamSource(baseDirectory);
        }

        services.TryAddSingleton<ScrapeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ScrapeScheduler>());
        return services;
    }
}
