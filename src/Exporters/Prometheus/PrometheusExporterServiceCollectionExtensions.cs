using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Exporters.Prometheus;

public static class PrometheusExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Prometheus exporter: options bound from <paramref name="section"/>
    /// (<c>exporters:prometheus</c>) and validated on start, and the <see cref="PrometheusRenderer"/>.
    /// Needs <see cref="MetricStore"/>; renders every registered <see cref="IMetricFamilyProvider"/> and
    /// the <see cref="SelfMetrics"/> registry, whose <c>instance</c>/<c>job</c> labels it sets from
    /// <c>gatewayInstance</c>/<c>gatewayJob</c>.
    /// </summary>
    public static IServiceCollection AddPrometheusExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<PrometheusExporterOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrometheusExporterOptions>, PrometheusExporterOptionsValidator>());
        services.AddSelfMetrics();
        services.AddOptions<SelfMetricsOptions>().Configure<IOptions<PrometheusExporterOptions>>(static (self, prometheus) =>
        {
            self.Instance = prometheus.Value.EffectiveGatewayInstance;
            self.Job = prometheus.Value.GatewayJob;
        });
        services.TryAddSingleton(static sp => new PrometheusRenderer(
            sp.GetRequiredService<MetricStore>(),
            sp.GetRequiredService<IOptions<PrometheusExporterOptions>>().Value,
            sp.GetServices<IMetricFamilyProvider>(),
            sp.GetRequiredService<SelfMetrics>()));
        return services;
    }
}
