using Gateway.Collector;
using Gateway.Configuration;
using Gateway.Exporters.Prometheus;

namespace Gateway.Hosting;

/// <summary>Registers the collector, the rules and the exporters; maps their endpoints.</summary>
internal static class GatewayComponents
{
    public static void Register(IServiceCollection services, IConfiguration configuration, LoadedConfiguration loaded, OptionsSections sections)
    {
        services.AddGatewayCollector(configuration.GetSection("collect"), loaded.BaseDirectory);
        sections.Add<CollectOptions>("collect");

        services.AddPrometheusExporter(configuration.GetSection(PrometheusExporterOptions.Section));
        services.AddSingleton<IMetricFamilyProvider, ScrapeErrorFamilies>();
        sections.Add<PrometheusExporterOptions>(PrometheusExporterOptions.Section);
    }

    public static void Map(WebApplication app)
    {
        app.MapPrometheusExporter();
    }
}
