using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Exporters.Prometheus;

public static class PrometheusExporterEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET</c> on <paramref name="path"/> (default: <c>exporters.prometheus.path</c>, itself
    /// <c>/metrics</c> by default) to the exposition. Needs <see cref="PrometheusExporterServiceCollectionExtensions.AddPrometheusExporter"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapPrometheusExporter(this IEndpointRouteBuilder app, string? path = null)
    {
        var services = app.ServiceProvider;
        var options = services.GetRequiredService<IOptions<PrometheusExporterOptions>>().Value;
        var renderer = services.GetRequiredService<PrometheusRenderer>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PrometheusRenderer).FullName!);
        app.MapGet(path ?? options.Path, context => PrometheusEndpoint.HandleAsync(context, renderer, options, logger));
        return app;
    }
}
