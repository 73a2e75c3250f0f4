using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>What happened to a node: it came up, went down (with the reason) or left discovery.</summary>
public enum NodeEventKind
{
    Up,
    Down,
    Removed,
}

/// <summary>
/// A node's lifecycle transition (SNMP node up/down notifications, the console, Kafka's nodes topic).
/// Emitted once per transition by the node lifecycle in Core, never per failed collection.
/// </summary>
/// <param name="EventId">Idempotency key for exporters.</param>
/// <param name="Node">The node (<c>instance</c>).</param>
/// <param name="Kind">Up, down or removed.</param>
/// <param name="Time">When the transition was seen.</param>
/// <param name="Reason">Why it is down (a scrape error reason such as <c>timeout</c>), else null.</param>
/// <param name="Job">The job that watches it.</param>
/// <param name="Group">The node's group (BEAM node groups, a file_sd <c>group</c> label), or null.</param>
public sealed record NodeEvent(
    Guid EventId,
    string Node,
    NodeEventKind Kind,
    DateTimeOffset Time,
    string? Reason,
    string? Job = null,
    string? Group = null)
{
    /// <summary>True for <see cref="NodeEventKind.Up"/>.</summary>
    [JsonIgnore]
    public bool Up => Kind == NodeEventKind.Up;
}
