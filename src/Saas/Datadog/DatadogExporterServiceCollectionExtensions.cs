using Gateway.Core.Configuration;
using Gateway.Core.Routing;
using Gateway.Saas.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Datadog;

public static class DatadogExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Datadog exporter bound to <paramref name="section"/> (<c>exporters:datadog</c>) through
    /// the exporter kit: validated on start, one <see cref="DatadogExporter"/> with its own outbox (events)
    /// and metric-stream queue (series), and its Refit client. A missing section (or <c>enabled: false</c>)
    /// registers nothing but the kit's descriptor.
    /// </summary>
    public static IServiceCollection AddDatadogExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddPushExporter<DatadogExporter, DatadogExporterOptions>(
            "datadog",
            section,
            (sp, options) => new DatadogExporter(
                options,
                sp.GetRequiredService<IDatadogApi>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<DatadogExporter>>()),
            kit => kit.Validator = new DatadogExporterOptionsValidator(section));
        if (!PushExporterServiceCollectionExtensions.IsOn(section))
        {
            return services;
        }
        DurationConverter.Register();
        // The short form metrics: [ "erlang_vm_*" ] (ARCHITECTURE.md) is a list of include patterns.
        services.PostConfigure<DatadogExporterOptions>(options =>
        {
            foreach (var child in section.GetSection("metrics").GetChildren())
            {
                if (int.TryParse(child.Key, out _) && child.Value is { } pattern)
                {
                    options.Metrics.Include.Add(pattern);
                }
            }
        });
        services.AddSaasClient<IDatadogApi, DatadogExporterOptions>("datadog", o => o.BaseUrl(), o => o.Timeout);
        return services;
    }
}
