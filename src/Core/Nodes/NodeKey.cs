namespace Gateway.Core.Nodes;

/// <summary>
/// Identity of a watched node: the <c>instance</c> label (for BEAM nodes <c>name@host</c>, for HTTP
/// targets <c>host:port</c>) and the <c>job</c> label. Two sources may watch the same instance under
/// different jobs; they are distinct nodes.
/// </summary>
public readonly record struct NodeKey(string Job, string Instance)
{
    public override string ToString() => $"{Job}/{Instance}";
}
