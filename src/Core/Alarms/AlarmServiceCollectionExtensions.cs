using Gateway.Core.Routing;
using Gateway.Core.Rules;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Alarms;

public static class AlarmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="AlarmManager"/> (state in <c>&lt;dataDir&gt;/alarms.db</c>), the
    /// <see cref="RuleEngine"/> with the rules of <paramref name="alarmsSection"/>, and two hosted
    /// services: rule evaluation on every <see cref="MetricStore"/> change, and alarm maintenance
    /// (hold timers, startup grace, history pruning), plus the log-pattern rules (<see cref="NotificationQueue"/>
    /// as an <see cref="INotificationObserver"/> of the router, <see cref="LogRuleService"/>). Needs <see cref="RoutingServiceCollectionExtensions.AddGatewayOutbox(IServiceCollection, IConfiguration, Func{IServiceProvider, string}, string)"/> (for the
    /// <see cref="IEventRouter"/>) and a <see cref="MetricStore"/> singleton. Self-metrics:
    /// <c>gateway_alarms_active{severity}</c> and <c>gateway_alarm_events_total{event}</c> in
    /// <see cref="SelfMetrics"/> (<see cref="AlarmMetrics"/>), <c>gateway_alarm_active{instance,job,type,severity}</c>
    /// as an <see cref="IMetricFamilyProvider"/> (<see cref="ActiveAlarmFamilies"/>).
    /// </summary>
    public static IServiceCollection AddGatewayAlarms(this IServiceCollection services, IConfiguration alarmsSection, Func<IServiceProvider, string> dataDir)
    {
        services.AddOptions<AlarmsOptions>().Bind(alarmsSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlarmsOptions>, AlarmsOptionsValidator>();
        services.AddSelfMetrics();
        services.AddSingleton(sp =>
        {
            var manager = new AlarmManager(
                AlarmManager.PathFor(dataDir(sp)),
                sp.GetRequiredService<IEventRouter>(),
                sp.GetRequiredService<IOptions<AlarmsOptions>>().Value,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<AlarmManager>>());
            AlarmMetrics.Register(sp.GetRequiredService<SelfMetrics>(), manager);
            return manager;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetricFamilyProvider, ActiveAlarmFamilies>(
            static sp => new ActiveAlarmFamilies(sp.GetRequiredService<AlarmManager>(), sp.GetService<MetricStore>())));
        services.AddSingleton(sp => new RuleEngine(
            RuleEngine.Compile(sp.GetRequiredService<IOptions<AlarmsOptions>>().Value.Rules),
            sp.GetRequiredService<AlarmManager>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddHostedService(sp => new AlarmMaintenanceService(
            sp.GetRequiredService<AlarmManager>(),
            sp.GetRequiredService<IOptions<AlarmsOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<AlarmMaintenanceService>>()));
        services.AddHostedService<RuleEvaluationService>();
        // Log-pattern rules: the router hands notifications to the queue (no dependency back to the
        // alarm manager, so no cycle), the hosted service feeds them to the engine.
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<INotificationObserver>(sp => sp.GetRequiredService<NotificationQueue>());
        services.AddSingleton(sp => new LogRuleEngine(
            LogRuleEngine.Compile(sp.GetRequiredService<IOptions<AlarmsOptions>>().Value.LogRules),
            sp.GetRequiredService<AlarmManager>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddHostedService(sp => new LogRuleService(
            sp.GetRequiredService<NotificationQueue>(),
            sp.GetRequiredService<LogRuleEngine>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<LogRuleService>>()));
        return services;
    }

    public static IServiceCollection AddGatewayAlarms(this IServiceCollection services, IConfiguration alarmsSection, string dataDir) =>
        services.AddGatewayAlarms(alarmsSection, _ => dataDir);
}
