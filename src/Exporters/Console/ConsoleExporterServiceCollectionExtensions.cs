using Gateway.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Console;

public static class ConsoleExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the console exporter (with its own outbox) bound to <c>exporters.console</c>; a
    /// missing section means the defaults (on), <c>enabled: false</c> registers nothing.
    /// </summary>
    public static IServiceCollection AddConsoleExporter(this IServiceCollection services, IConfiguration section) =>
        services.AddPushExporter<ConsoleExporter, ConsoleExporterOptions>(
            "console",
            section,
            (sp, options) => new ConsoleExporter(options, sp.GetRequiredService<ILogger<ConsoleExporter>>()),
            kit => kit.OnByDefault = true);
}
