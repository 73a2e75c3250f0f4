using Gateway.Core.Alarms;
using Gateway.Core.Routing;
using Gateway.Saas.Chat;
using Gateway.Saas.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Saas.Teams;

public static class TeamsExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Teams exporter bound to <paramref name="section"/> (<c>exporters:teams</c>) through the
    /// exporter kit, with its Refit client on the named HTTP client <c>gateway-teams</c> (request logging
    /// removed: the workflow URL is the secret). A missing section (or <c>enabled: false</c>) registers nothing.
    /// </summary>
    public static IServiceCollection AddTeamsExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddPushExporter<TeamsExporter, TeamsExporterOptions>(
            "teams",
            section,
            (sp, options) => new TeamsExporter(
                () => sp.GetRequiredService<ITeamsWorkflowApi>(),
                options.Endpoint(),
                sp.GetService<AlarmLinks>() ?? AlarmLinks.Default,
                sp.GetService<TimeProvider>() ?? TimeProvider.System),
            kit =>
            {
                kit.Validator = new ChatWebhookOptionsValidator<TeamsExporterOptions>(TeamsExporterOptions.YamlPath);
                kit.Events = EventVocabulary.Alarms;
            });
        if (PushExporterServiceCollectionExtensions.IsOn(section))
        {
            services.AddSaasClient<ITeamsWorkflowApi, TeamsExporterOptions>("teams", o => o.Endpoint(), o => o.Timeout)
                .AddHttpMessageHandler(sp => new WebhookUrlHandler(sp.GetRequiredService<IOptions<TeamsExporterOptions>>().Value.Endpoint()));
        }
        return services;
    }
}
