namespace Gateway.Core.Nodes;

/// <summary>Where a node is in its lifecycle.</summary>
public enum NodeState
{
    /// <summary>Discovered, not collected yet: neither up nor down.</summary>
    Pending,
    Up,
    Down,
}

/// <summary>
/// A node's lifecycle state as the <see cref="NodeLifecycle"/> owns it: up or down (since when, why),
/// and whether <c>node_down</c> is raised. Persisted across restarts, so a restart sends no event again.
/// </summary>
public sealed record NodeLife(
    NodeKey Node,
    string Source,
    NodeState State,
    DateTimeOffset Since,
    string? Reason,
    bool DownAlarmRaised);
