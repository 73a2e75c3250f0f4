using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Routing;
using Gateway.Core.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Gateway.Exporters.Alertmanager;

public static class AlertmanagerExporterServiceCollectionExtensions
{
    private static readonly RefitSettings Settings = AlertmanagerRefitSettings.Create();

    /// <summary>
    /// Registers the Alertmanager exporter bound to <paramref name="section"/> (<c>exporters:alertmanager</c>)
    /// through the exporter kit: one <see cref="AlertmanagerExporter"/> with its own outbox per URL, each on
    /// its own named <see cref="IHttpClientFactory"/> client (<c>gateway-alertmanager-1</c> …, request logging
    /// removed), and the <see cref="AlertmanagerResender"/>. Reads <see cref="AlarmManager"/> (active alarms
    /// after a start), <see cref="MetricStore"/> (the <c>job</c> of a node) and <see cref="AlarmLinks"/>
    /// (<c>generatorURL</c>) when registered. A missing section (or <c>enabled: false</c>) registers nothing.
    /// </summary>
    public static IServiceCollection AddAlertmanagerExporter(this IServiceCollection services, IConfiguration section)
    {
        services.AddPushExporter<AlertmanagerExporterOptions>(
            "alertmanager",
            section,
            (sp, _) => sp.GetRequiredService<AlertmanagerDestinations>().All.Select(e => new PushDestination(e)),
            kit =>
            {
                kit.Validator = new AlertmanagerExporterOptionsValidator();
                kit.Events = AlertmanagerEventNames.Vocabulary;
            });
        if (!PushExporterServiceCollectionExtensions.IsOn(section))
        {
            return services;
        }
        // The number of URLs is known from the section; the validated options give each client its address.
        var count = Math.Max(1, section["url"] is { Length: > 0 } ? 1 : section.GetSection("urls").GetChildren().Count());
        for (var i = 0; i < count; i++)
        {
            var index = i;
            services.AddHttpClient(ClientName(index))
                .ConfigureHttpClient((sp, client) =>
                {
                    var options = sp.GetRequiredService<IOptions<AlertmanagerExporterOptions>>().Value;
                    var urls = options.AllUrls();
                    if (index < urls.Count)
                    {
                        client.BaseAddress = new Uri(urls[index].TrimEnd('/'));
                    }
                    client.Timeout = options.Timeout;
                })
                .RemoveAllLoggers();
        }
        services.TryAddSingleton(sp => Create(sp, sp.GetRequiredService<IOptions<AlertmanagerExporterOptions>>().Value));
        services.AddHostedService<AlertmanagerResender>();
        return services;
    }

    private static string ClientName(int index) => $"gateway-alertmanager-{index + 1}";

    private static AlertmanagerDestinations Create(IServiceProvider sp, AlertmanagerExporterOptions options)
    {
        var factory = sp.GetRequiredService<IHttpClientFactory>();
        var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
        var links = sp.GetService<AlarmLinks>() ?? AlarmLinks.Default;
        var logger = sp.GetRequiredService<ILogger<AlertmanagerExporter>>();
        var context = new AlertmanagerExporterContext(
            SeverityThreshold.TryParse(options.MinSeverity, out var min) ? min : Severity.Indeterminate,
            EventFilter.From(options, AlertmanagerEventNames.Vocabulary),
            // Resolved when first needed (the alarm manager routes to these exporters: not at construction).
            () => sp.GetService<AlarmManager>()?.GetActive() ?? [],
            () => JobsByNode(sp.GetService<MetricStore>()));
        var urls = options.AllUrls();
        var exporters = urls.Select((_, i) => new AlertmanagerExporter(
            AlertmanagerDestinations.NameOf(i, urls.Count),
            () => RestService.For<IAlertmanagerApi>(factory.CreateClient(ClientName(i)), Settings),
            links,
            context,
            time,
            logger)).ToArray();
        return new AlertmanagerDestinations(exporters, options.ResendInterval);
    }

    // The first job (in job order) that watches a node, as gateway_alarm_active does.
    private static Dictionary<string, string> JobsByNode(MetricStore? store)
    {
        var jobs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in store?.Entries() ?? [])
        {
            jobs.TryAdd(entry.Status.Node.Instance, entry.Status.Node.Job);
        }
        return jobs;
    }
}
