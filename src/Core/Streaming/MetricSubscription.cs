using Gateway.Core.Nodes;

namespace Gateway.Core.Streaming;

/// <summary>
/// One exporter's bounded queue of node snapshots. At most one snapshot per node waits: a newer one
/// replaces it in place (keeping the node's turn). When <see cref="Capacity"/> nodes wait, a snapshot of a
/// new node pushes out the oldest waiting one. Every snapshot replaced or pushed out counts in
/// <see cref="Dropped"/> (<c>gateway_exporter_dropped_total{kind="metrics"}</c>). Thread-safe; one reader.
/// </summary>
public sealed class MetricSubscription : IDisposable
{
    /// <summary>The default <see cref="Capacity"/>.</summary>
    public const int DefaultCapacity = 1024;

    private readonly MetricStream _stream;
    private readonly Lock _lock = new();
    private readonly Dictionary<NodeKey, StreamedSnapshot> _waiting = [];
    private readonly Queue<NodeKey> _order = new();
    private TaskCompletionSource<bool>? _reader;
    private long _dropped;
    private long _published;
    private bool _closed;

    internal MetricSubscription(MetricStream stream, string exporter, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _stream = stream;
        Exporter = exporter;
        Capacity = capacity;
    }

    /// <summary>The exporter it belongs to (the <c>exporter</c> label of its drop counter).</summary>
    public string Exporter { get; }

    /// <summary>Most snapshots (nodes) waiting at once.</summary>
    public int Capacity { get; }

    /// <summary>Snapshots waiting now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Snapshots that never reached the exporter: replaced by a newer one, pushed out, or failed to export.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Snapshots offered to this subscription since it started.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Takes the snapshot of the node that has waited longest.</summary>
    public bool TryRead(out StreamedSnapshot snapshot)
    {
        lock (_lock)
        {
            if (_order.TryDequeue(out var node))
            {
                _waiting.Remove(node, out snapshot!);
                return true;
            }
        }
        snapshot = null!;
        return false;
    }

    /// <summary>Completes with true when a snapshot waits, false once the subscription is closed.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<bool> reader;
        lock (_lock)
        {
            if (_waiting.Count > 0)
            {
                return ValueTask.FromResult(true);
            }
            if (_closed)
            {
                return ValueTask.FromResult(false);
            }
            reader = _reader ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return new ValueTask<bool>(reader.Task.WaitAsync(cancellationToken));
    }

    /// <summary>Every snapshot as it comes, until the subscription is closed or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<StreamedSnapshot> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await WaitToReadAsync(cancellationToken))
        {
            while (TryRead(out var snapshot))
            {
                yield return snapshot;
            }
        }
    }

    /// <summary>Stops the subscription: nothing more is queued and a waiting reader gets false.</summary>
    public void Dispose()
    {
        _stream.Unsubscribe(this);
        TaskCompletionSource<bool>? reader;
        lock (_lock)
        {
            _closed = true;
            reader = _reader;
            _reader = null;
        }
        reader?.TrySetResult(false);
    }

    /// <summary>Counts snapshots the exporter took but could not export.</summary>
    public void AddDropped(long snapshots) => Interlocked.Add(ref _dropped, snapshots);

    internal void Publish(StreamedSnapshot snapshot)
    {
        TaskCompletionSource<bool>? reader;
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }
            Interlocked.Increment(ref _published);
            if (_waiting.ContainsKey(snapshot.Node))
            {
                Interlocked.Increment(ref _dropped);
            }
            else
            {
                if (_waiting.Count >= Capacity && _order.TryDequeue(out var oldest))
                {
                    _waiting.Remove(oldest);
                    Interlocked.Increment(ref _dropped);
                }
                _order.Enqueue(snapshot.Node);
            }
            _waiting[snapshot.Node] = snapshot;
            reader = _reader;
            _reader = null;
        }
        reader?.TrySetResult(true);
    }
}
