using System.Globalization;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Routing;
using Gateway.Core.Rules;
using Gateway.Core.Store;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Nodes;

/// <summary>
/// Owns every node's lifecycle, whatever its source: up, down (with the reason), removed. The evaluation
/// loop shows it each change of a node's store entry (<see cref="ObserveAsync"/>); on a transition it
/// routes one <see cref="NodeEvent"/> (never one per failed collection), logs it and persists the new
/// state (<c>nodes.db</c>). A node unreachable for <see cref="AlarmsOptions.NodeDownAfter"/> gets
/// <c>node_down</c> (source <see cref="AlarmSources.Node"/>), cleared by its next good collection; a node
/// removed from discovery has its alarms cleared once. After a restart the persisted state is the
/// starting point: a node that is as it was sends nothing; one that changed meanwhile sends its
/// transition; one no discovery lists again within <see cref="AlarmsOptions.StartupGrace"/> is removed.
/// Not thread-safe: one loop (<see cref="Rules.RuleEvaluationService"/>) drives it.
/// </summary>
public sealed partial class NodeLifecycle
{
    private readonly NodeLifecycleStore? _store;
    private readonly IEventRouter _router;
    private readonly AlarmManager _alarms;
    private readonly NodeGroups _groups;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _downAfter;
    private readonly Severity _downSeverity;
    private readonly TimeSpan _startupGrace;
    private readonly DateTimeOffset _startedAt;
    private readonly Dictionary<NodeKey, NodeLife> _nodes = [];
    private readonly HashSet<NodeKey> _restored = [];
    private readonly HashSet<NodeKey> _raise = [];
    private readonly HashSet<NodeKey> _clear = [];
    private readonly HashSet<NodeKey> _dirty = [];
    private bool _graceOver;

    public NodeLifecycle(
        NodeLifecycleStore? store,
        IEventRouter router,
        AlarmManager alarms,
        NodeGroups groups,
        AlarmsOptions options,
        TimeProvider time,
        ILogger<NodeLifecycle> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _router = router;
        _alarms = alarms;
        _groups = groups;
        _time = time;
        _logger = logger;
        _downAfter = options.EffectiveNodeDownAfter;
        _downSeverity = RuleSeverity.Parse(options.EffectiveNodeDownSeverity);
        _startupGrace = options.StartupGrace;
        _startedAt = time.GetUtcNow();
        foreach (var life in store?.Load() ?? [])
        {
            _nodes[life.Node] = life;
            _restored.Add(life.Node);
        }
        if (_restored.Count > 0)
        {
            LogRestored(_restored.Count);
        }
    }

    /// <summary>
    /// Takes in a node's current store entry (null: no longer in the store) and returns its lifecycle state
    /// (null once removed). Transitions are routed before this returns; <c>node_down</c> is raised or cleared
    /// by <see cref="SettleAsync"/>, which the loop calls after the rule sets had their look.
    /// </summary>
    public async Task<NodeLife?> ObserveAsync(NodeKey node, NodeEntry? entry, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        _nodes.TryGetValue(node, out var before);
        if (entry is null)
        {
            // A node restored from the last run that discovery has not listed yet: wait for the startup grace.
            if (before is not null && (_graceOver || !_restored.Contains(node)))
            {
                await RemoveAsync(before, now, cancellationToken);
            }
            return null;
        }
        var restored = _restored.Remove(node);
        var status = entry.Status;
        NodeLife life;
        if (status.LastScrape is null)
        {
            // Discovered, never collected: a node restored from disk keeps its state until its first collection.
            life = before ?? new NodeLife(node, status.Source, NodeState.Pending, now, null, false);
        }
        else if (status.Up)
        {
            life = before is { State: NodeState.Up } ? before : new NodeLife(node, status.Source, NodeState.Up, now, null, false);
            if (before is { DownAlarmRaised: true })
            {
                _clear.Add(node);
            }
            if (before is not { State: NodeState.Up })
            {
                await TransitionAsync(life, NodeEventKind.Up, now, cancellationToken, again: before is { State: NodeState.Down });
            }
        }
        else
        {
            if (before is { State: NodeState.Down })
            {
                life = before;
                if (restored && before.DownAlarmRaised)
                {
                    _raise.Add(node); // confirms the restored node_down, or the startup grace clears it
                }
            }
            else
            {
                // Unreachable since the first failed collection finished (not since the loop got round to it).
                var since = status.LastScrape is { } failedAt && failedAt <= now ? failedAt : now;
                life = new NodeLife(node, status.Source, NodeState.Down, since, status.LastErrorReason, false);
                await TransitionAsync(life, NodeEventKind.Down, now, cancellationToken, status.LastError);
            }
            if (!life.DownAlarmRaised && _downSeverity != Severity.Cleared && now - life.Since >= _downAfter)
            {
                life = life with { DownAlarmRaised = true };
                _raise.Add(node);
                _dirty.Add(node);
            }
        }
        _nodes[node] = life;
        return life;
    }

    /// <summary>Raises or clears <c>node_down</c> as <see cref="ObserveAsync"/> decided, then persists the state.</summary>
    public async Task SettleAsync(NodeKey node, CancellationToken cancellationToken)
    {
        if (_raise.Remove(node) && _nodes.TryGetValue(node, out var down))
        {
            var downFor = _time.GetUtcNow() - down.Since;
            await _alarms.ReportAsync(node.Instance, AlarmSources.Node, [DownCondition(down, downFor)], cancellationToken);
        }
        if (_clear.Remove(node))
        {
            await _alarms.ReportAsync(node.Instance, AlarmSources.Node, [], cancellationToken);
        }
        if (_dirty.Remove(node) && _nodes.TryGetValue(node, out var life) && life.State != NodeState.Pending)
        {
            _store?.Save(life);
        }
    }

    /// <summary>
    /// Nodes the loop should look at now without a collection: down nodes whose <c>node_down</c> is due, and,
    /// once the startup grace is over, restored nodes that no discovery listed again (they are removed).
    /// </summary>
    public IReadOnlyList<NodeKey> Due(DateTimeOffset now)
    {
        List<NodeKey>? due = null;
        if (_downSeverity != Severity.Cleared)
        {
            foreach (var life in _nodes.Values)
            {
                if (life is { State: NodeState.Down, DownAlarmRaised: false } && now - life.Since >= _downAfter)
                {
                    (due ??= []).Add(life.Node);
                }
            }
        }
        if (!_graceOver && now - _startedAt >= _startupGrace)
        {
            _graceOver = true;
            foreach (var node in _restored)
            {
                (due ??= []).Add(node);
            }
        }
        return due ?? [];
    }

    private async Task TransitionAsync(NodeLife life, NodeEventKind kind, DateTimeOffset now, CancellationToken cancellationToken, string? error = null, bool again = false)
    {
        var node = life.Node;
        var e = new NodeEvent(Guid.NewGuid(), node.Instance, kind, now, life.Reason, node.Job, _groups.Get(node.Instance));
        // Routed before the state is saved: a crash in between repeats the event rather than losing it.
        await _router.RouteAsync([GatewayEvent.From(e)], cancellationToken);
        _dirty.Add(node);
        switch (kind)
        {
            case NodeEventKind.Up:
                if (again)
                {
                    LogUpAgain(node.Job, node.Instance);
                }
                else
                {
                    LogUp(node.Job, node.Instance);
                }
                break;
            case NodeEventKind.Down:
                LogDown(node.Job, node.Instance, life.Reason ?? "unknown", error ?? string.Empty);
                break;
        }
    }

    private async Task RemoveAsync(NodeLife life, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var node = life.Node;
        var e = new NodeEvent(Guid.NewGuid(), node.Instance, NodeEventKind.Removed, now, null, node.Job, _groups.Get(node.Instance));
        await _router.RouteAsync([GatewayEvent.From(e)], cancellationToken);
        // WombatOAM: a node that leaves the inventory takes its alarms with it, at once.
        var cleared = await _alarms.NodeRemovedAsync(node.Instance, cancellationToken);
        _nodes.Remove(node);
        _restored.Remove(node);
        _raise.Remove(node);
        _clear.Remove(node);
        _dirty.Remove(node);
        _groups.Remove(node.Instance);
        _store?.Delete(node);
        LogRemoved(node.Job, node.Instance, cleared);
    }

    private AlarmCondition DownCondition(NodeLife life, TimeSpan downFor) =>
        new("node_down", "node", _downSeverity,
            string.Create(CultureInfo.InvariantCulture, $"Node unreachable for {downFor.TotalSeconds:0} s (alarm after {_downAfter.TotalSeconds:0} s){(life.Reason is { } r ? ": " + r : string.Empty)}"),
            downFor.TotalSeconds, _downAfter.TotalSeconds);
}
