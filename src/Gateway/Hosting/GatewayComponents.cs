using Gateway.Core.Telemetry;
using Gateway.Collector;
using Gateway.Collector.Beam;
using Gateway.Configuration;
using Gateway.Core.Alarms;
using Gateway.Core.Outbox;
using Gateway.Core.Routing;
using Gateway.Core.Rules.Beam;
using Gateway.Exporters.Alertmanager;
using Gateway.Exporters.Console;
using Gateway.Exporters.Gelf;
using Gateway.Exporters.Kafka;
using Gateway.Exporters.Prometheus;
using Gateway.Exporters.Snmp;
using Gateway.Http;
using Gateway.Saas.Datadog;
using Gateway.Saas.SplunkHec;
using Gateway.Saas.Email;
using Gateway.Saas.Slack;
using Gateway.Saas.Teams;
using Gateway.Saas.Webhook;
using Gateway.Saas.Opsgenie;
using Gateway.Saas.PagerDuty;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Registers the collector, the rules and the exporters; maps their endpoints.</summary>
internal static class GatewayComponents
{
    public static void Register(IServiceCollection services, IConfiguration configuration, LoadedConfiguration loaded, OptionsSections sections)
    {
        static string DataDir(IServiceProvider sp) => Path.GetFullPath(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDir);

        services.AddSingleton(sp => new BeamAgentRemovals(
            Path.Combine(DataDir(sp), "beam-agent-removed.json"), sp.GetRequiredService<ILogger<BeamAgentRemovals>>()));
        services.AddGatewayCollector(configuration.GetSection("collect"), loaded.BaseDirectory);
        sections.Add<CollectOptions>("collect");

        services.AddSingleton(sp => GatewayExternalUrl.Links(sp.GetRequiredService<IOptions<GatewayOptions>>().Value));
        services.AddGatewayOutbox(configuration.GetSection("outbox"), DataDir);
        sections.Add<OutboxOptions>("outbox");

        services.AddGatewayAlarms(configuration.GetSection(AlarmsOptions.Section), DataDir);
        sections.Add<AlarmsOptions>(AlarmsOptions.Section);
        services.AddBeamAlarms(configuration.GetSection("alarms:beam"));

        // Push exporters: one line each (the kit binds, validates and wires them).
        services.AddConsoleExporter(configuration.GetSection("exporters:console"));
        services.AddSnmpExporter(configuration.GetSection(SnmpExporterOptions.Section), DataDir);
        services.AddDatadogExporter(configuration.GetSection(DatadogExporterOptions.Section));
        services.AddSplunkHecExporter(configuration.GetSection(SplunkHecExporterOptions.Section));
        services.AddEmailExporter(configuration.GetSection(EmailExporterOptions.Section), sp => sp.GetRequiredService<AlarmLinks>().ExternalUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        services.AddAlertmanagerExporter(configuration.GetSection(AlertmanagerExporterOptions.Section));
        services.AddSlackExporter(configuration.GetSection(SlackExporterOptions.Section));
        services.AddTeamsExporter(configuration.GetSection(TeamsExporterOptions.Section));
        services.AddPagerDutyExporter(configuration.GetSection(PagerDutyExporterOptions.Section));
        services.AddOpsgenieExporter(configuration.GetSection(OpsgenieExporterOptions.Section));
        services.AddGelfExporter(configuration.GetSection("exporters:gelf"));
        services.AddKafkaExporter(configuration.GetSection(KafkaExporterOptions.Section));
        services.AddWebhookExporter(configuration.GetSection(WebhookExporterOptions.Section));
        sections.AddPushExporters(services);

        services.AddPrometheusExporter(configuration.GetSection(PrometheusExporterOptions.Section));
        sections.Add<PrometheusExporterOptions>(PrometheusExporterOptions.Section);
    }

    public static void Map(WebApplication app)
    {
        app.MapPrometheusExporter();
        app.MapAlarmsApi();
        app.MapNotificationsApi();
        app.MapExportersApi();
    }
}
