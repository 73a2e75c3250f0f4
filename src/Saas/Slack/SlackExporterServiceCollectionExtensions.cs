using Gateway.Core.Alarms;
using Gateway.Core.Routing;
using Gateway.Saas.Chat;
using Gateway.Saas.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Saas.Slack;

public static class SlackExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack exporter bound to <paramref name="section"/> (<c>exporters:slack</c>) through the
    /// exporter kit, with its Refit client on the named HTTP client <c>gateway-slack</c> (request logging
    /// removed: the webhook URL is the secret). A missing section (or <c>enabled: false</c>) registers nothing.
    /// </summary>
    public static IServiceCollection AddSlackExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddPushExporter<SlackExporter, SlackExporterOptions>(
            "slack",
            section,
            (sp, options) => new SlackExporter(
                () => sp.GetRequiredService<ISlackWebhookApi>(),
                options.Endpoint(),
                sp.GetService<AlarmLinks>() ?? AlarmLinks.Default,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<SlackExporter>>()),
            kit =>
            {
                kit.Validator = new ChatWebhookOptionsValidator<SlackExporterOptions>(SlackExporterOptions.YamlPath);
                kit.Events = EventVocabulary.Alarms;
            });
        if (PushExporterServiceCollectionExtensions.IsOn(section))
        {
            services.AddSaasClient<ISlackWebhookApi, SlackExporterOptions>("slack", o => o.Endpoint(), o => o.Timeout)
                .AddHttpMessageHandler(sp => new WebhookUrlHandler(sp.GetRequiredService<IOptions<SlackExporterOptions>>().Value.Endpoint()));
        }
        return services;
    }
}
