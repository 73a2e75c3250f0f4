using Gateway.Core.Nodes;

namespace Gateway.Core.Rules;

/// <summary>
/// The user threshold rules (<c>alarms.rules</c>) as a rule set: each new live snapshot of a node is
/// evaluated once. A node that is down keeps its rule alarms as they are (<c>node_down</c> says why
/// nothing is known); a removed node is forgotten (the lifecycle clears its alarms).
/// </summary>
public sealed class ThresholdRuleSet : IRuleSet
{
    private readonly RuleEngine _engine;
    private readonly Dictionary<NodeKey, NodeSnapshot> _evaluated = [];

    public ThresholdRuleSet(RuleEngine engine)
    {
        _engine = engine;
    }

    public string Name => "rules";

    public async Task NodeAsync(NodeView view, RuleContext context, CancellationToken cancellationToken)
    {
        if (view.Removed)
        {
            _evaluated.Remove(view.Key);
            _engine.Forget(view.Key.Instance);
            return;
        }
        if (view.Entry!.LiveSnapshot is not { } snapshot
            || (_evaluated.TryGetValue(view.Key, out var last) && ReferenceEquals(last, snapshot)))
        {
            return;
        }
        await _engine.EvaluateAsync(snapshot, cancellationToken);
        _evaluated[view.Key] = snapshot;
    }
}
