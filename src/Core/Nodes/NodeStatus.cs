namespace Gateway.Core.Nodes;

/// <summary>What the gateway knows about a node's health, for <c>/api/v1/nodes</c> and <c>gateway_node_up</c>.</summary>
/// <param name="Node">Which node.</param>
/// <param name="Source">The source that watches it: <c>beam</c>, <c>prometheus</c> or <c>push</c>.</param>
/// <param name="Up">Whether the last collection succeeded.</param>
/// <param name="LastScrape">When the last collection finished (null before the first).</param>
/// <param name="LastDuration">How long the last collection took.</param>
/// <param name="Samples">Samples in the last successful collection.</param>
/// <param name="LastError">The last error, or null when the last collection succeeded.</param>
/// <param name="LastErrorReason">A short machine-readable reason (<c>timeout</c>, <c>http_status</c>, <c>parse</c> …).</param>
/// <param name="Info">Source-specific facts (OTP release, ERTS version, agent state …).</param>
public sealed record NodeStatus(
    NodeKey Node,
    string Source,
    bool Up,
    DateTimeOffset? LastScrape,
    TimeSpan? LastDuration,
    int Samples,
    string? LastError,
    string? LastErrorReason,
    IReadOnlyDictionary<string, string> Info)
{
    public static NodeStatus Pending(NodeKey node, string source) =>
        new(node, source, false, null, null, 0, null, null, new Dictionary<string, string>());
}
