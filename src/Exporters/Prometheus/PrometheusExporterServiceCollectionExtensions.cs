using Gateway.Core.Telemetry;
using Gateway.Core.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PromNet = global::Prometheus;

namespace Gateway.Exporters.Prometheus;

public static class PrometheusExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Prometheus exporter: options bound from <paramref name="section"/>
    /// (<c>exporters:prometheus</c>) and validated on start, and the <see cref="PrometheusRenderer"/>.
    /// Needs <see cref="MetricStore"/>; uses every registered <see cref="IMetricFamilyProvider"/> and the
    /// registered prometheus-net <see cref="PromNet.CollectorRegistry"/>, or <see cref="PromNet.Metrics.DefaultRegistry"/>.
    /// </summary>
    public static IServiceCollection AddPrometheusExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<PrometheusExporterOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrometheusExporterOptions>, PrometheusExporterOptionsValidator>());
        services.TryAddSingleton(static sp => new PrometheusRenderer(
            sp.GetRequiredService<MetricStore>(),
            sp.GetRequiredService<IOptions<PrometheusExporterOptions>>().Value,
            sp.GetServices<IMetricFamilyProvider>(),
            sp.GetService<PromNet.CollectorRegistry>() ?? PromNet.Metrics.DefaultRegistry));
        return services;
    }
}
