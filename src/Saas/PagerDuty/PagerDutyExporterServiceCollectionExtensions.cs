using Gateway.Core.Routing;
using Gateway.Saas.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.PagerDuty;

public static class PagerDutyExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PagerDuty exporter bound to <paramref name="section"/> (<c>exporters:pagerduty</c>) through
    /// the exporter kit, with its Refit client (<see cref="IPagerDutyApi"/>) on the options' base URL and
    /// timeout. A missing section (or <c>enabled: false</c>) registers nothing.
    /// </summary>
    public static IServiceCollection AddPagerDutyExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddPushExporter<PagerDutyExporter, PagerDutyExporterOptions>(
            "pagerduty",
            section,
            (sp, options) => new PagerDutyExporter(
                options,
                sp.GetRequiredService<IPagerDutyApi>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<PagerDutyExporter>>()),
            kit => kit.Validator = new PagerDutyExporterOptionsValidator());
        if (PushExporterServiceCollectionExtensions.IsOn(section))
        {
            services.AddSaasClient<IPagerDutyApi, PagerDutyExporterOptions>("pagerduty", o => o.BaseUrl(), o => o.Timeout);
        }
        return services;
    }
}
