using Gateway.Core.Nodes;
using Gateway.Core.Store;

namespace Gateway.Core.Streaming;

/// <summary>
/// Node snapshots for push exporters that want metrics (Kafka, Datadog …), fed by
/// <see cref="MetricStore.Changed"/>: after each successful collection the node's new snapshot goes to
/// every <see cref="MetricSubscription"/>. Only live snapshots (node up) are streamed, and each once: a
/// change of status only (the same snapshot still stored) sends nothing. Not durable: a queue keeps the
/// latest snapshot per node and counts what it drops. With no subscriber it does no work.
/// </summary>
public sealed class MetricStream : IDisposable
{
    private readonly MetricStore _store;
    private readonly Lock _lock = new();
    private readonly Dictionary<NodeKey, NodeSnapshot> _streamed = [];
    private MetricSubscription[] _subscriptions = [];

    public MetricStream(MetricStore store)
    {
        _store = store;
        _store.Changed += OnChanged;
    }

    /// <summary>The current subscriptions (for the drop counters on <c>/metrics</c>).</summary>
    public IReadOnlyList<MetricSubscription> Subscriptions => Volatile.Read(ref _subscriptions);

    /// <summary>
    /// A new queue for <paramref name="exporter"/> holding at most <paramref name="capacity"/> snapshots.
    /// It gets the snapshots of collections that finish from now on. Dispose it to unsubscribe.
    /// </summary>
    public MetricSubscription Subscribe(string exporter, int capacity = MetricSubscription.DefaultCapacity)
    {
        var subscription = new MetricSubscription(this, exporter, capacity);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    public void Dispose() => _store.Changed -= OnChanged;

    internal void Unsubscribe(MetricSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = _subscriptions.Where(s => !ReferenceEquals(s, subscription)).ToArray();
        }
    }

    private void OnChanged(NodeKey node)
    {
        if (Volatile.Read(ref _subscriptions).Length == 0)
        {
            return;
        }
        // Read and publish under one lock, so that of two racing changes of a node the newer snapshot is
        // the one left in the queues (the later reader sees it; an older one is then never published).
        lock (_lock)
        {
            if (!_store.TryGet(node, out var entry))
            {
                _streamed.Remove(node);
                return;
            }
            if (entry.LiveSnapshot is not { } live || (_streamed.TryGetValue(node, out var last) && ReferenceEquals(last, live)))
            {
                return;
            }
            _streamed[node] = live;
            var streamed = new StreamedSnapshot(live);
            foreach (var subscription in _subscriptions)
            {
                subscription.Publish(streamed);
            }
        }
    }
}
