using Gateway.Core.Intake;
using Gateway.Core.Nodes;
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
    /// Registers Core's judging half: the <see cref="AlarmManager"/> (state in <c>&lt;dataDir&gt;/alarms.db</c>),
    /// the <see cref="NodeLifecycle"/> (state in <c>&lt;dataDir&gt;/nodes.db</c>), the <see cref="ICoreIntake"/>,
    /// the user threshold and log-pattern rule sets of <paramref name="alarmsSection"/>, the one
    /// <see cref="RuleEvaluationService"/> that runs every <see cref="IRuleSet"/> registered (the BEAM set
    /// plugs in with <c>AddBeamAlarms</c>), and alarm maintenance (hold timers, startup grace, history
    /// pruning). Needs <see cref="RoutingServiceCollectionExtensions.AddGatewayOutbox(IServiceCollection, IConfiguration, Func{IServiceProvider, string}, string)"/>
    /// (for the <see cref="IEventRouter"/>) and a <see cref="MetricStore"/> singleton.
    /// Self-metrics: <c>gateway_alarms_active{severity}</c> and <c>gateway_alarm_events_total{event}</c> in
    /// <see cref="SelfMetrics"/> (<see cref="AlarmMetrics"/>), <c>gateway_alarm_active{instance,job,type,severity}</c>
    /// as an <see cref="IMetricFamilyProvider"/> (<see cref="ActiveAlarmFamilies"/>).
    /// </summary>
    public static IServiceCollection AddGatewayAlarms(this IServiceCollection services, IConfiguration alarmsSection, Func<IServiceProvider, string> dataDir)
    {
        services.AddOptions<AlarmsOptions>().Bind(alarmsSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlarmsOptions>, AlarmsOptionsValidator>();
        services.AddSelfMetrics();
        services.TryAddSingleton<NodeGroups>();
        services.AddSingleton(sp =>
        {
            var manager = new AlarmManager(
                AlarmManager.PathFor(dataDir(sp)),
                sp.GetRequiredService<IEventRouter>(),
                sp.GetRequiredService<IOptions<AlarmsOptions>>().Value,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<AlarmManager>>(),
                sp.GetRequiredService<NodeGroups>());
            AlarmMetrics.Register(sp.GetRequiredService<SelfMetrics>(), manager);
            return manager;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetricFamilyProvider, ActiveAlarmFamilies>(
            static sp => new ActiveAlarmFamilies(sp.GetRequiredService<AlarmManager>(), sp.GetService<MetricStore>())));
        services.AddSingleton<ICoreIntake>(sp => new CoreIntake(
            sp.GetRequiredService<MetricStore>(),
            sp.GetRequiredService<IEventRouter>(),
            sp.GetRequiredService<AlarmManager>(),
            sp.GetRequiredService<NodeGroups>(),
            sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => new NodeLifecycleStore(
            NodeLifecycleStore.PathFor(dataDir(sp)), sp.GetRequiredService<IOptions<AlarmsOptions>>().Value.FullSync));
        services.AddSingleton(sp => new NodeLifecycle(
            sp.GetRequiredService<NodeLifecycleStore>(),
            sp.GetRequiredService<IEventRouter>(),
            sp.GetRequiredService<AlarmManager>(),
            sp.GetRequiredService<NodeGroups>(),
            sp.GetRequiredService<IOptions<AlarmsOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<NodeLifecycle>>()));
        services.AddSingleton(sp => new RuleEngine(
            RuleEngine.Compile(sp.GetRequiredService<IOptions<AlarmsOptions>>().Value.Rules),
            sp.GetRequiredService<AlarmManager>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IRuleSet>(sp => new ThresholdRuleSet(sp.GetRequiredService<RuleEngine>()));
        // Log-pattern rules: the router hands notifications to the queue (no dependency back to the
        // alarm manager, so no cycle); the evaluation loop feeds them to the rule sets.
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<INotificationObserver>(sp => sp.GetRequiredService<NotificationQueue>());
        services.AddSingleton(sp => new LogRuleEngine(
            LogRuleEngine.Compile(sp.GetRequiredService<IOptions<AlarmsOptions>>().Value.LogRules),
            sp.GetRequiredService<AlarmManager>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IRuleSet>(sp => new LogRuleSet(sp.GetRequiredService<LogRuleEngine>()));
        services.AddHostedService(sp => new AlarmMaintenanceService(
            sp.GetRequiredService<AlarmManager>(),
            sp.GetRequiredService<IOptions<AlarmsOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<AlarmMaintenanceService>>()));
        services.AddHostedService(sp => new RuleEvaluationService(
            sp.GetRequiredService<MetricStore>(),
            sp.GetRequiredService<NodeLifecycle>(),
            sp.GetServices<IRuleSet>(),
            sp.GetRequiredService<NotificationQueue>(),
            sp.GetRequiredService<IOptions<AlarmsOptions>>().Value.EffectiveCheckInterval,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<RuleEvaluationService>>()));
        return services;
    }

    public static IServiceCollection AddGatewayAlarms(this IServiceCollection services, IConfiguration alarmsSection, string dataDir) =>
        services.AddGatewayAlarms(alarmsSection, _ => dataDir);
}
