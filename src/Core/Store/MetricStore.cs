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
    private long _membership;
    private volatile SortedKeys? _sorted;

    /// <summary>Increases on every change; pull exporters use it to know when to re-render.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Raised after a node's entry changed or was removed (argument: the node).</summary>
    public event Action<NodeKey>? Changed;

    /// <summary>Registers a node (status pending) if it is not known yet.</summary>
    public void Register(NodeKey node, string source)
    {
        if (_nodes.TryAdd(node, new NodeEntry(NodeStatus.Pending(node, source), null)))
        {
            Interlocked.Increment(ref _membership);
            Bump(node);
        }
    }

    /// <summary>Records a successful collection: the new snapshot replaces the old one atomically.</summary>
    public void Update(NodeSnapshot snapshot, NodeStatus status)
    {
        CountIfNew(snapshot.Node);
        _nodes[snapshot.Node] = new NodeEntry(status, snapshot);
        Bump(snapshot.Node);
    }

    /// <summary>Records a failed collection: the node is down; its last snapshot is kept but not exposed as live.</summary>
    public void MarkFailed(NodeStatus status)
    {
        CountIfNew(status.Node);
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
        CountIfNew(status.Node);
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
            Interlocked.Increment(ref _membership);
            Bump(node);
            return true;
        }
        return false;
    }

    public bool TryGet(NodeKey node, out NodeEntry entry) => _nodes.TryGetValue(node, out entry!);

    /// <summary>
    /// A point-in-time copy of all entries, ordered by job then instance. The order is cached until a
    /// node is added or removed, so many readers between two such changes (every <c>/metrics</c> scrape
    /// at 10,000 nodes) share one sort; the entries themselves are read fresh, so the copy never keeps
    /// a replaced snapshot alive.
    /// </summary>
    public IReadOnlyList<NodeEntry> Entries()
    {
        var keys = SortedNodeKeys();
        var entries = new List<NodeEntry>(keys.Length + 8);
        foreach (var key in keys)
        {
            if (_nodes.TryGetValue(key, out var entry))
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    private NodeKey[] SortedNodeKeys()
    {
        var membership = Interlocked.Read(ref _membership);
        var cached = _sorted;
        if (cached is not null && cached.Membership == membership)
        {
            return cached.Keys;
        }
        // Read the membership first: an addition racing with the copy leaves a stale count behind, so
        // the next call sorts again rather than serving an order that misses the node.
        var fresh = _nodes.Keys.ToArray();
        Array.Sort(fresh, static (a, b) =>
        {
            var job = string.CompareOrdinal(a.Job, b.Job);
            return job != 0 ? job : string.CompareOrdinal(a.Instance, b.Instance);
        });
        _sorted = new SortedKeys(membership, fresh);
        return fresh;
    }

    public int Count => _nodes.Count;

    private void CountIfNew(NodeKey node)
    {
        if (!_nodes.ContainsKey(node))
        {
            Interlocked.Increment(ref _membership);
        }
    }

    private void Bump(NodeKey node)
    {
        Interlocked.Increment(ref _version);
        Changed?.Invoke(node);
    }
}

internal sealed record SortedKeys(long Membership, NodeKey[] Keys);

/// <summary>A node's status and its latest snapshot (null before the first success).</summary>
public sealed record NodeEntry(NodeStatus Status, NodeSnapshot? Snapshot)
{
    /// <summary>The snapshot to expose: only while the node is up.</summary>
    public NodeSnapshot? LiveSnapshot => Status.Up ? Snapshot : null;
}
