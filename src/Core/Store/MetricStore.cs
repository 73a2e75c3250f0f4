using System.Collections.Concurrent;
using Gateway.Core.Nodes;

namespace Gateway.Core.Store;

/// <summary>
/// The latest snapshot and status of every watched node. Writers replace a node's snapshot whole
/// (an atomic reference swap), so readers never see a half-updated node. A removed node's series are
/// gone from the next read; a node that stops answering keeps its last snapshot (for <c>/api/v1/nodes</c>)
/// but is marked down, and exporters expose <c>gateway_node_up 0</c> and drop its series as stale.
/// </summary>
public sealed class MetricStore
{
    private readonly ConcurrentDictionary<NodeKey, NodeEntry> _nodes = new();
    private long _version;
    private volatile SortedEntries? _sorted;

    /// <summary>Increases on every change; pull exporters use it to know when to re-render.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Raised after a node's entry changed or was removed (argument: the node).</summary>
    public event Action<NodeKey>? Changed;

    /// <summary>Registers a node (status pending) if it is not known yet.</summary>
    public void Register(NodeKey node, string source)
    {
        if (_nodes.TryAdd(node, new NodeEntry(NodeStatus.Pending(node, source), null)))
        {
            Bump(node);
        }
    }

    /// <summary>Records a successful collection: the new snapshot replaces the old one atomically.</summary>
    public void Update(NodeSnapshot snapshot, NodeStatus status)
    {
        _nodes[snapshot.Node] = new NodeEntry(status, snapshot);
        Bump(snapshot.Node);
    }

    /// <summary>Records a failed collection: the node is down; its last snapshot is kept but not exposed as live.</summary>
    public void MarkFailed(NodeStatus status)
    {
        _nodes.AddOrUpdate(
            status.Node,
            static (_, s) => new NodeEntry(s, null),
            static (_, old, s) => old with { Status = s },
            status);
        Bump(status.Node);
    }

    /// <summary>Replaces the status only (e.g. source facts), keeping the snapshot.</summary>
    public void UpdateStatus(NodeStatus status)
    {
        _nodes.AddOrUpdate(
            status.Node,
            static (_, s) => new NodeEntry(s, null),
            static (_, old, s) => old with { Status = s },
            status);
        Bump(status.Node);
    }

    /// <summary>Forgets a node: its series disappear from the next read.</summary>
    public bool Remove(NodeKey node)
    {
        if (_nodes.TryRemove(node, out _))
        {
            Bump(node);
            return true;
        }
        return false;
    }

    public bool TryGet(NodeKey node, out NodeEntry entry) => _nodes.TryGetValue(node, out entry!);

    /// <summary>
    /// A point-in-time copy of all entries, ordered by job then instance. Cached per <see cref="Version"/>,
    /// so many readers between two changes (every <c>/metrics</c> scrape at 10,000 nodes) share one sort.
    /// </summary>
    public IReadOnlyList<NodeEntry> Entries()
    {
        var version = Version;
        var cached = _sorted;
        if (cached is not null && cached.Version == version)
        {
            return cached.Entries;
        }
        // Read the version first: a change racing with the copy leaves a stale version behind, so the
        // next call sorts again rather than serving a copy that misses the change.
        var fresh = _nodes.Values
            .OrderBy(e => e.Status.Node.Job, StringComparer.Ordinal)
            .ThenBy(e => e.Status.Node.Instance, StringComparer.Ordinal)
            .ToArray();
        _sorted = new SortedEntries(version, fresh);
        return fresh;
    }

    public int Count => _nodes.Count;

    private void Bump(NodeKey node)
    {
        Interlocked.Increment(ref _version);
        Changed?.Invoke(node);
    }
}

internal sealed record SortedEntries(long Version, NodeEntry[] Entries);

/// <summary>A node's status and its latest snapshot (null before the first success).</summary>
public sealed record NodeEntry(NodeStatus Status, NodeSnapshot? Snapshot)
{
    /// <summary>The snapshot to expose: only while the node is up.</summary>
    public NodeSnapshot? LiveSnapshot => Status.Up ? Snapshot : null;
}
