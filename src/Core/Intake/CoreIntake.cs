using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Nodes;
using Gateway.Core.Routing;
using Gateway.Core.Store;

namespace Gateway.Core.Intake;

/// <summary>
/// Core's intake: writes snapshots and failures to the <see cref="MetricStore"/> (whose change event
/// drives the node lifecycle and the rules), keeps each node's group, routes notifications and hands
/// source alarms to the <see cref="AlarmManager"/>. Without an alarm manager (a host that has none, e.g.
/// a collector test) an alarm travels as a notification of source <c>alarm_handler</c> instead.
/// </summary>
public sealed class CoreIntake : ICoreIntake
{
    private readonly MetricStore _store;
    private readonly IEventRouter? _router;
    private readonly AlarmManager? _alarms;
    private readonly NodeGroups _groups;
    private readonly TimeProvider _time;

    public CoreIntake(MetricStore store, IEventRouter? router = null, AlarmManager? alarms = null, NodeGroups? groups = null, TimeProvider? time = null)
    {
        _store = store;
        _router = router;
        _alarms = alarms;
        _groups = groups ?? new NodeGroups();
        _time = time ?? TimeProvider.System;
    }

    public MetricStore Store => _store;

    public void NodeDiscovered(NodeKey node, string source) => _store.Register(node, source);

    public void Collected(NodeSnapshot snapshot, NodeStatus status)
    {
        _groups.Set(snapshot.Node.Instance, NodeGroups.Of(status, snapshot.TargetLabels));
        _store.Update(snapshot, status);
    }

    public void CollectionFailed(NodeStatus status) => _store.MarkFailed(status);

    public void NodeRemoved(NodeKey node) => _store.Remove(node);

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (_router is null)
        {
            return Task.CompletedTask;
        }
        if (notification.Group is null && _groups.Get(notification.Node) is { } group)
        {
            notification = notification with { Group = group };
        }
        return _router.RouteAsync([GatewayEvent.From(notification)], cancellationToken);
    }

    public async Task<string> RaiseAlarmAsync(string node, string source, AlarmCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (_alarms is not null)
        {
            return await _alarms.RaiseAsync(node, source, condition, cancellationToken);
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["alarm_id"] = condition.Resource, ["action"] = "set" };
        await NotifyAsync(new Notification(Guid.NewGuid(), node, _time.GetUtcNow(), "warning", $"alarm set: {condition.Resource}: {condition.Description}", metadata, "alarm_handler"), cancellationToken);
        return AlarmId.For(node, condition.Type, condition.Resource);
    }

    public async Task<bool> ClearAlarmAsync(string node, string source, string type, string resource, CancellationToken cancellationToken = default)
    {
        if (_alarms is not null)
        {
            // External alarms clear at once (an operator or system said so); a source's condition keeps the minimum hold.
            return string.Equals(source, AlarmSources.External, StringComparison.Ordinal)
                ? await _alarms.ClearExternalAsync(node, type, resource, cancellationToken)
                : await _alarms.ClearConditionAsync(node, type, resource, cancellationToken);
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["alarm_id"] = resource, ["action"] = "clear" };
        await NotifyAsync(new Notification(Guid.NewGuid(), node, _time.GetUtcNow(), "notice", $"alarm cleared: {resource}", metadata, "alarm_handler"), cancellationToken);
        return true;
    }
}
