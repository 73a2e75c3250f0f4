using Gateway.Core.Routing;
using Gateway.Saas.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Opsgenie;

public static class OpsgenieExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Opsgenie exporter bound to <paramref name="section"/> (<c>exporters:opsgenie</c>) through
    /// the exporter kit, with its Refit client (<see cref="IOpsgenieApi"/>) on the options' base URL and
    /// timeout. A missing section (or <c>enabled: false</c>) registers nothing.
    /// </summary>
    public static IServiceCollection AddOpsgenieExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddPushExporter<OpsgenieExporter, OpsgenieExporterOptions>(
            "opsgenie",
            section,
            (sp, options) => new OpsgenieExporter(
                options,
                sp.GetRequiredService<IOpsgenieApi>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<OpsgenieExporter>>()),
            kit => kit.Validator = new OpsgenieExporterOptionsValidator());
        if (PushExporterServiceCollectionExtensions.IsOn(section))
        {
            services.AddSaasClient<IOpsgenieApi, OpsgenieExporterOptions>("opsgenie", o => o.BaseUrl(), o => o.Timeout);
        }
        return services;
    }
}
