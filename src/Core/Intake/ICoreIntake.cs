using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Nodes;

namespace Gateway.Core.Intake;

/// <summary>
/// The one way into Core. Sources, the scheduler, discovery and the push API hand every observation
/// here and know nothing else of Core: a node discovered or removed, a collection's snapshot or its
/// failure, a notification, an alarm a source raises or clears itself (SASL alarm_handler, the API).
/// What follows — the store, the node lifecycle and its events, rules, alarms, routing — is Core's.
/// </summary>
public interface ICoreIntake
{
    /// <summary>Discovery found a node: it is pending until its first collection.</summary>
    void NodeDiscovered(NodeKey node, string source);

    /// <summary>A collection succeeded: the snapshot replaces the node's previous one whole.</summary>
    void Collected(NodeSnapshot snapshot, NodeStatus status);

    /// <summary>A collection failed (<see cref="NodeStatus.LastErrorReason"/> says why); the last snapshot is kept, not exposed.</summary>
    void CollectionFailed(NodeStatus status);

    /// <summary>Discovery no longer lists the node.</summary>
    void NodeRemoved(NodeKey node);

    /// <summary>A notification from a node (forwarded log event, pushed notification); complete once durable.</summary>
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default);

    /// <summary>Raises (or updates) an alarm a source owns; returns its id.</summary>
    Task<string> RaiseAlarmAsync(string node, string source, AlarmCondition condition, CancellationToken cancellationToken = default);

    /// <summary>Clears an alarm a source raised; false when it was not active.</summary>
    Task<bool> ClearAlarmAsync(string node, string source, string type, string resource, CancellationToken cancellationToken = default);
}
