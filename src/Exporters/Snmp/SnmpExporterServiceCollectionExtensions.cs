using Gateway.Core.Alarms;
using Gateway.Core.Configuration;
using Gateway.Core.Routing;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Exporters.Snmp;

public static class SnmpExporterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SNMP exporter bound to <paramref name="section"/> (<c>exporters:snmp</c>) through the
    /// exporter kit (<see cref="PushExporterServiceCollectionExtensions"/>): validated on start, one
    /// <see cref="SnmpTrapExporter"/> with its own outbox per destination (needs
    /// <see cref="RoutingServiceCollectionExtensions.AddGatewayOutbox(IServiceCollection, IConfiguration, Func{IServiceProvider, string}, string)"/>),
    /// and, when <c>agent</c> is set, the <see cref="SnmpAgentService"/> (reads <see cref="AlarmManager"/>
    /// and <see cref="MetricStore"/> when registered) with its counters in <see cref="SelfMetrics"/>
    /// (<see cref="SnmpAgentMetrics"/>). The engine ID lives in <c>&lt;dataDir&gt;/snmp-engine.conf</c>.
    /// A missing section (or <c>enabled: false</c>) registers nothing.
    /// </summary>
    public static IServiceCollection AddSnmpExporter(this IServiceCollection services, IConfiguration section, Func<IServiceProvider, string> dataDir)
    {
        services.AddPushExporter<SnmpExporterOptions>(
            "snmp",
            section,
            (sp, _) =>
            {
                var runtime = sp.GetRequiredService<SnmpRuntime>();
                var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
                var logger = sp.GetRequiredService<ILogger<SnmpTrapExporter>>();
                // A batch never larger than the bucket: a rate-limited batch then goes whole on its next try.
                return sp.GetRequiredService<SnmpDestinations>().All.Select(d => new PushDestination(
                    new SnmpTrapExporter(d, runtime.Engine, runtime.Mapper, time, logger),
                    outbox => outbox.MaxBatchEvents = Math.Clamp(d.Burst, 1, outbox.MaxBatchEvents)));
            },
            kit =>
            {
                kit.Validator = new SnmpExporterOptionsValidator();
                kit.Events = SnmpEventKindNames.Vocabulary;
            });
        if (!PushExporterServiceCollectionExtensions.IsOn(section))
        {
            return services;
        }
        DurationConverter.Register();
        services.TryAddSingleton(sp => SnmpRuntime.Create(
            sp.GetRequiredService<IOptions<SnmpExporterOptions>>().Value,
            dataDir(sp),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton(sp => new SnmpDestinations(sp.GetRequiredService<SnmpRuntime>().Options));

        if (section.GetSection("agent").Exists())
        {
            services.AddSelfMetrics();
            services.TryAddSingleton(sp =>
            {
                var runtime = sp.GetRequiredService<SnmpRuntime>();
                var service = new SnmpAgentService(
                    runtime,
                    runtime.Options.Agent!,
                    sp.GetService<AlarmManager>(),
                    sp.GetService<MetricStore>(),
                    sp.GetService<TimeProvider>() ?? TimeProvider.System,
                    sp.GetRequiredService<ILogger<SnmpAgentService>>());
                SnmpAgentMetrics.Register(sp.GetRequiredService<SelfMetrics>(), service);
                return service;
            });
            services.AddHostedService(sp => sp.GetRequiredService<SnmpAgentService>());
        }
        return services;
    }

    public static IServiceCollection AddSnmpExporter(this IServiceCollection services, IConfiguration section, string dataDir) =>
        services.AddSnmpExporter(section, _ => dataDir);
}
