using Gateway.Core.Alarms;
using Gateway.Core.Nodes;
using Gateway.Core.Store;

namespace Gateway.Core.Rules.Beam;

/// <summary>
/// The built-in BEAM alarms (WombatOAM's set) as a rule set: each change of a BEAM node's entry reports
/// the node's full set of conditions to the <see cref="AlarmManager"/> as source <c>beam</c>. The group
/// checks (different application versions, missing applications) compare a node with the live nodes of
/// its group, so a change of a group's make-up re-evaluates its peers. Once the lifecycle has raised
/// <c>node_down</c> for a node, that is its only alarm about it (its other figures are unknown): its beam
/// alarms clear, and its next good collection evaluates it afresh. Edge cases are listed in README.md.
/// </summary>
public sealed class BeamRuleSet : IRuleSet
{
    private const string BeamSource = "beam";

    private readonly AlarmManager _alarms;
    private readonly BeamAlarmEvaluator _evaluator;
    private readonly HashSet<NodeKey> _reportedDown = [];
    private readonly Dictionary<NodeKey, (string Group, NodeApplications Apps)> _live = [];
    private readonly Dictionary<string, HashSet<NodeKey>> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupApplications> _groupApps = new(StringComparer.Ordinal);

    public BeamRuleSet(AlarmManager alarms, BeamAlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _alarms = alarms;
        _evaluator = new BeamAlarmEvaluator(options);
    }

    public string Name => "beam";

    public async Task NodeAsync(NodeView view, RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = view.Key;
        if (view.Entry is not { } entry || !string.Equals(entry.Status.Source, BeamSource, StringComparison.Ordinal))
        {
            Forget(node, context);
            return;
        }
        if (entry.Status.Up && entry.Snapshot is { } snapshot)
        {
            _reportedDown.Remove(node);
            var group = Group(entry);
            var apps = NodeApplications.From(snapshot);
            var changed = !_live.TryGetValue(node, out var before) || !string.Equals(before.Group, group, StringComparison.Ordinal) || !before.Apps.SameAs(apps);
            if (changed)
            {
                RemoveLive(node);
                if (group.Length > 0)
                {
                    _live[node] = (group, apps);
                    GroupOf(group).Add(node);
                    _groupApps.Remove(group);
                    RequeuePeers(group, node, context);
                }
                if (before.Group is { Length: > 0 } oldGroup && !string.Equals(oldGroup, group, StringComparison.Ordinal))
                {
                    RequeuePeers(oldGroup, node, context);
                }
            }
            await _alarms.ReportAsync(node.Instance, AlarmSources.Beam, _evaluator.Evaluate(snapshot, Applications(group)), cancellationToken);
            return;
        }
        if (entry.Status.LastScrape is null)
        {
            return; // pending: never collected yet, neither up nor down
        }
        // Down: it no longer counts in its group's consistency checks.
        if (_live.TryGetValue(node, out var was))
        {
            RemoveLive(node);
            RequeuePeers(was.Group, node, context);
        }
        // Until node_down is raised the node keeps its alarms as they were.
        if (view.Life is { DownAlarmRaised: true } && _reportedDown.Add(node))
        {
            await _alarms.ReportAsync(node.Instance, AlarmSources.Beam, [], cancellationToken);
        }
    }

    private static string Group(NodeEntry entry) =>
        NodeGroups.Of(entry.Status, entry.Snapshot?.TargetLabels ?? Metrics.LabelSet.Empty) ?? string.Empty;

    // What the live nodes of a group run, rebuilt only after the group changed (see RequeuePeers).
    private GroupApplications Applications(string group)
    {
        if (group.Length == 0 || !_groups.TryGetValue(group, out var members))
        {
            return GroupApplications.Empty;
        }
        if (!_groupApps.TryGetValue(group, out var apps))
        {
            _groupApps[group] = apps = GroupApplications.From(members.Select(m => _live[m].Apps));
        }
        return apps;
    }

    private HashSet<NodeKey> GroupOf(string group)
    {
        if (!_groups.TryGetValue(group, out var members))
        {
            _groups[group] = members = [];
        }
        return members;
    }

    private void RemoveLive(NodeKey node)
    {
        if (_live.Remove(node, out var was) && _groups.TryGetValue(was.Group, out var members))
        {
            _groupApps.Remove(was.Group);
            members.Remove(node);
            if (members.Count == 0)
            {
                _groups.Remove(was.Group);
            }
        }
    }

    private void RequeuePeers(string group, NodeKey except, RuleContext context)
    {
        if (_groups.TryGetValue(group, out var members))
        {
            foreach (var peer in members)
            {
                if (peer != except)
                {
                    context.Reevaluate(peer);
                }
            }
        }
    }

    private void Forget(NodeKey node, RuleContext context)
    {
        if (_live.TryGetValue(node, out var was))
        {
            RemoveLive(node);
            RequeuePeers(was.Group, node, context);
        }
        _reportedDown.Remove(node);
    }
}
