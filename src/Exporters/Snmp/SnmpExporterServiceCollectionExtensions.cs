using System.Globalization;
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
    /// Registers the SNMP exporter bound to <paramref name="section"/> (<c>exporters:snmp</c>) and
    /// validated on start: one <see cref="SnmpTrapExporter"/> with its own outbox per destination (needs
    /// <see cref="RoutingServiceCollectionExtensions.AddGatewayOutbox(IServiceCollection, IConfiguration, Func{IServiceProvider, string}, string)"/>),
    /// and, when <c>agent</c> is set, the <see cref="SnmpAgentService"/> (reads <see cref="AlarmManager"/>
    /// and <see cref="MetricStore"/> when registered) with its counters in <see cref="SelfMetrics"/>
    /// (<see cref="SnmpAgentMetrics"/>). The engine ID lives in <c>&lt;dataDir&gt;/snmp-engine.conf</c>.
    /// A missing section registers nothing.
    /// </summary>
    public static IServiceCollection AddSnmpExporter(this IServiceCollection services, IConfiguration section, Func<IServiceProvider, string> dataDir)
    {
        if (!section.GetChildren().Any())
        {
            return services;
        }
        DurationConverter.Register();
        services.AddOptions<SnmpExporterOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SnmpExporterOptions>, SnmpExporterOptionsValidator>());
        services.TryAddSingleton(sp => SnmpRuntime.Create(
            sp.GetRequiredService<IOptions<SnmpExporterOptions>>().Value,
            dataDir(sp),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton(sp => new SnmpDestinations(sp.GetRequiredService<SnmpRuntime>().Options));

        // The number of destinations is needed now (one outbox each); their settings are read from
        // the validated options when the exporters are built.
        var count = section.GetSection("destinations").GetChildren().Count();
        for (var i = 0; i < count; i++)
        {
            var index = i;
            var key = "snmp-destination-" + index.ToString(CultureInfo.InvariantCulture);
            var burst = Burst(section, index);
            services.AddKeyedSingleton(key, (sp, _) =>
            {
                var runtime = sp.GetRequiredService<SnmpRuntime>();
                return new SnmpTrapExporter(
                    sp.GetRequiredService<SnmpDestinations>().All[index],
                    runtime.Engine,
                    runtime.Mapper,
                    sp.GetService<TimeProvider>() ?? TimeProvider.System,
                    sp.GetRequiredService<ILogger<SnmpTrapExporter>>());
            });
            // A batch never larger than the bucket: a rate-limited batch then goes whole on its next try.
            services.AddEventExporter(
                sp => sp.GetRequiredKeyedService<SnmpTrapExporter>(key),
                o => o.MaxBatchEvents = Math.Clamp(burst, 1, o.MaxBatchEvents));
        }

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

    // Read leniently: a bad value is reported by the validator, with its path, when the host starts.
    private static int Burst(IConfiguration section, int index)
    {
        var text = section[$"destinations:{index.ToString(CultureInfo.InvariantCulture)}:trapRateLimit:burst"] ?? section["trapRateLimit:burst"];
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var burst) && burst > 0 ? burst : new SnmpRateLimitOptions().Burst;
    }
}
