using Gateway.Core.Alarms;
using Gateway.Core.Nodes;
using Gateway.Core.Routing;
using Gateway.Core.Rules;
using Gateway.Core.Rules.Beam;
using Gateway.Core.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Core.Rules;

/// <summary>Builds the one evaluation loop as the host does: node lifecycle, then the BEAM set (and any other sets).</summary>
public static class EvaluationLoop
{
    public static RuleEvaluationService Create(
        MetricStore store,
        AlarmManager alarms,
        IEventRouter router,
        TimeProvider time,
        BeamAlarmOptions? beam = null,
        AlarmsOptions? options = null,
        NodeLifecycleStore? lifecycleStore = null,
        IEnumerable<IRuleSet>? sets = null,
        NodeGroups? groups = null)
    {
        // The BEAM options' older keys (nodeDownAfter, checkInterval) apply as they do in the gateway.
        options ??= new AlarmsOptions { Beam = beam ?? new BeamAlarmOptions() };
        var lifecycle = new NodeLifecycle(lifecycleStore, router, alarms, groups ?? new NodeGroups(), options, time, NullLogger<NodeLifecycle>.Instance);
        return new RuleEvaluationService(
            store,
            lifecycle,
            sets ?? [new BeamRuleSet(alarms, beam ?? new BeamAlarmOptions())],
            new NotificationQueue(),
            options.EffectiveCheckInterval,
            time,
            NullLogger<RuleEvaluationService>.Instance);
    }
}
