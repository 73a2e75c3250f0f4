using Gateway.Core.Configuration;
using Gateway.Core.Routing;
using Gateway.Saas.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.SplunkHec;

public static class SplunkHecExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Splunk HEC exporter bound to <paramref name="section"/> (<c>exporters:splunkHec</c>)
    /// through the exporter kit: validated on start, one <see cref="SplunkHecExporter"/> with its own
    /// outbox, and its Refit client. A missing section (or <c>enabled: false</c>) registers nothing but
    /// the kit's descriptor.
    /// </summary>
    public static IServiceCollection AddSplunkHecExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddPushExporter<SplunkHecExporter, SplunkHecExporterOptions>(
            "splunkHec",
            section,
            (sp, options) => new SplunkHecExporter(
                options,
                sp.GetRequiredService<ISplunkHecApi>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<SplunkHecExporter>>()),
            kit => kit.Validator = new SplunkHecExporterOptionsValidator());
        if (!PushExporterServiceCollectionExtensions.IsOn(section))
        {
            return services;
        }
        DurationConverter.Register();
        services.AddSaasClient<ISplunkHecApi, SplunkHecExporterOptions>("splunkHec", o => new Uri(o.Url!), o => o.Timeout);
        return services;
    }
}
