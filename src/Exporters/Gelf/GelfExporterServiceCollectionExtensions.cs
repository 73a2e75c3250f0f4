using Gateway.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Gelf;

public static class GelfExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the GELF exporter bound to <c>exporters.gelf</c> through the exporter kit (validated on
    /// start, its own outbox, the common filters). A missing section or <c>enabled: false</c> registers nothing.
    /// </summary>
    public static IServiceCollection AddGelfExporter(this IServiceCollection services, IConfiguration section) =>
        services.AddPushExporter<GelfExporter, GelfExporterOptions>(
            "gelf",
            section,
            (sp, options) =>
            {
                var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
                var endpoint = GelfEndpoint.Parse(options.Endpoint);
                var compression = GelfTransportOptionsValidation.EffectiveCompression(options, endpoint);
                return new GelfExporter(endpoint, compression, GelfTransports.Create(options, time), sp.GetRequiredService<ILogger<GelfExporter>>());
            },
            kit => kit.Validator = new GelfExporterOptionsValidator());
}
