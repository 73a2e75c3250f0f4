using Gateway.Core.Nodes;
using Gateway.Core.Store;

namespace Gateway.Core.Rules;

/// <summary>What a rule set sees of a node: its store entry and its lifecycle state (both null once removed).</summary>
public readonly record struct NodeView(NodeKey Key, NodeEntry? Entry, NodeLife? Life)
{
    /// <summary>The node left discovery: a set forgets it.</summary>
    public bool Removed => Entry is null;
}
