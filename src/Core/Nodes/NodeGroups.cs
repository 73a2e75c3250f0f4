using System.Collections.Concurrent;
using Gateway.Core.Metrics;

namespace Gateway.Core.Nodes;

/// <summary>
/// The group of each node (a BEAM node group, or a target's <c>group</c> label), kept by the intake from
/// every collection so alarm events, notifications and node events can carry it (exporters filter on it).
/// </summary>
public sealed class NodeGroups
{
    /// <summary>The source fact (<see cref="NodeStatus.Info"/>) and target label that name a node's group.</summary>
    public const string Key = "group";

    private readonly ConcurrentDictionary<string, string> _groups = new(StringComparer.Ordinal);

    /// <summary>The group of <paramref name="node"/> (its <c>instance</c>), or null.</summary>
    public string? Get(string node) => _groups.TryGetValue(node, out var group) ? group : null;

    /// <summary>Records the group a collection reported (none: the node has no group any more).</summary>
    public void Set(string node, string? group)
    {
        if (string.IsNullOrEmpty(group))
        {
            _groups.TryRemove(node, out _);
        }
        else
        {
            _groups[node] = group;
        }
    }

    public void Remove(string node) => _groups.TryRemove(node, out _);

    /// <summary>A node's group as its source reports it, else its target label.</summary>
    public static string? Of(NodeStatus status, LabelSet targetLabels) =>
        status.Info.TryGetValue(Key, out var g) && g.Length > 0 ? g : targetLabels.Get(Key) is { Length: > 0 } label ? label : null;
}
