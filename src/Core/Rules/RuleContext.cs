using Gateway.Core.Nodes;

namespace Gateway.Core.Rules;

/// <summary>What the evaluation loop offers a rule set while it evaluates a node.</summary>
public abstract class RuleContext
{
    /// <summary>Asks for another node to be evaluated again soon (e.g. the peers of a group whose make-up changed).</summary>
    public abstract void Reevaluate(NodeKey node);
}
