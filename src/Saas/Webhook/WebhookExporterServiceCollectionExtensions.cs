using Gateway.Core.Routing;
using Gateway.Saas.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Saas.Webhook;

public static class WebhookExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the generic webhook exporter bound to <c>exporters.webhook</c>, its Refit client on the named
    /// HTTP client <c>gateway-webhook</c> (request logging removed: the URL may hold a token). A missing
    /// section (or <c>enabled: false</c>) registers nothing.
    /// </summary>
    public static IServiceCollection AddWebhookExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddPushExporter<WebhookExporter, WebhookExporterOptions>(
            "webhook",
            section,
            (sp, options) => new WebhookExporter(sp.GetRequiredService<IWebhookApi>(), options, sp.GetService<TimeProvider>() ?? TimeProvider.System),
            kit => kit.Validator = new WebhookExporterOptionsValidator());
        if (PushExporterServiceCollectionExtensions.IsOn(section))
        {
            services.AddSaasClient<IWebhookApi, WebhookExporterOptions>("webhook", o => new Uri(o.Url!), o => o.Timeout)
                .AddHttpMessageHandler(sp => new WebhookUrlHandler(new Uri(sp.GetRequiredService<IOptions<WebhookExporterOptions>>().Value.Url!)));
        }
        return services;
    }
}
