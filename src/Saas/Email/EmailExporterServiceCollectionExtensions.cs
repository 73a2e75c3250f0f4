using Gateway.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Email;

public static class EmailExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the e-mail exporter bound to <paramref name="section"/> (<c>exporters:email</c>) through the
    /// exporter kit: validated on start, one <see cref="EmailExporter"/> with its own outbox. A missing
    /// section (or <c>enabled: false</c>) registers nothing.
    /// </summary>
    /// <param name="gatewayUrl">The link base when <c>gatewayUrl</c> is not configured (the host passes <c>gateway.externalUrl</c>).</param>
    public static IServiceCollection AddEmailExporter(this IServiceCollection services, IConfiguration section, Func<IServiceProvider, string?>? gatewayUrl = null) =>
        services.AddPushExporter<EmailExporter, EmailExporterOptions>(
            "email",
            section,
            (sp, options) => new EmailExporter(
                options,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<EmailExporter>>(),
                gatewayUrl?.Invoke(sp)),
            kit => kit.Validator = new EmailExporterOptionsValidator());
}
