using System.Threading.Channels;
using Gateway.Core.Nodes;
using Gateway.Core.Intake;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Collector.Scheduling;

/// <summary>
/// Decides when each discovered node is collected. One one-shot <see cref="ITimer"/> per node (the runtime's
/// timer queue handles 10,000s of them without a thread each) fires at the node's next due time and puts the
/// node on a queue; a fixed pool of <see cref="CollectOptions.Concurrency"/> workers takes nodes off the
/// queue and runs the source with a per-collection timeout. The timer is re-armed only when the result is
/// in, so a node never overlaps with itself, and a slow cycle skips missed slots instead of bunching up.
/// Each node fires at a stable phase of its interval (<see cref="ScrapeSchedule.Offset"/>), failing nodes
/// back off exponentially (<see cref="ScrapeSchedule.Backoff"/>), and all time comes from the injected
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class ScrapeScheduler : BackgroundService
{
    private static readonly IReadOnlyDictionary<string, string> NoInfo = new Dictionary<string, string>();

    /// <summary>Wait before re-running a provider whose enumeration threw.</summary>
    public static readonly TimeSpan ProviderRestartDelay = TimeSpan.FromSeconds(30);

    private readonly ITargetProvider[] _providers;
    private readonly Dictionary<string, INodeSource> _sources;
    private readonly ICoreIntake _intake;
    private readonly ScrapeStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly ILogger<ScrapeScheduler> _logger;
    private readonly int _concurrency;
    private readonly TimeSpan _maxBackoff;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<ScrapeTarget>> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<NodeKey, ScheduledNode> _nodes = [];
    private readonly HashSet<string> _reportedUnknownSources = new(StringComparer.Ordinal);
    private readonly Channel<ScheduledNode> _queue = Channel.CreateUnbounded<ScheduledNode>();
    private int _pending;
    private CancellationToken _stopping;

    public ScrapeScheduler(
        IEnumerable<ITargetProvider> providers,
        IEnumerable<INodeSource> sources,
        ICoreIntake intake,
        ScrapeStatistics statistics,
        IOptions<CollectOptions> options,
        TimeProvider timeProvider,
        ILogger<ScrapeScheduler> logger)
    {
        _providers = providers.ToArray();
        _sources = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _intake = intake;
        _statistics = statistics;
        _time = timeProvider;
        _logger = logger;
        _concurrency = Math.Max(1, options.Value.Concurrency);
        _maxBackoff = options.Value.MaxBackoff;
    }

    /// <summary>Nodes currently scheduled.</summary>
    public int TargetCount
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>Collections queued or running right now (0 when the scheduler is idle until the next due time).</summary>
    public int PendingScrapes => Volatile.Read(ref _pending);

    /// <summary>The targets currently scheduled, ordered by job then instance.</summary>
    public IReadOnlyList<ScrapeTarget> Targets()
    {
        lock (_gate)
        {
            return _nodes.Values
                .Select(n => n.Target)
                .OrderBy(t => t.Node.Job, StringComparer.Ordinal)
                .ThenBy(t => t.Node.Instance, StringComparer.Ordinal)
                .ToArray();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var workers = new Task[_concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None);
        }
        var watchers = _providers
            .Select(p => Task.Run(() => WatchAsync(p, stoppingToken), CancellationToken.None))
            .ToArray();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
        // Providers first, so that no group arriving during shutdown arms new timers.
        await Task.WhenAll(watchers);
        lock (_gate)
        {
            foreach (var node in _nodes.Values)
            {
                lock (node)
                {
                    node.Timer?.Dispose();
                    node.Timer = null;
                }
            }
        }
        _queue.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    private async Task WatchAsync(ITargetProvider provider, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var group in provider.WatchAsync(stoppingToken).WithCancellation(stoppingToken))
                {
                    Apply(group);
                }
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Its last groups stay in force: a discovery bug must not empty the target list. A new
                // enumeration yields every group again, so restarting later loses nothing.
                LogProviderFailed(provider.Name, ProviderRestartDelay.TotalSeconds, ex);
            }
            try
            {
                await Task.Delay(ProviderRestartDelay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Replaces one group of targets and reconciles the schedule (also called by providers' loops).</summary>
    internal void Apply(TargetGroup group)
    {
        lock (_gate)
        {
            _groups[group.Key] = group.Targets;
            Reconcile();
        }
    }

    private void Reconcile()
    {
        var desired = new Dictionary<NodeKey, ScrapeTarget>();
        foreach (var key in _groups.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var target in _groups[key])
            {
                if (!_sources.ContainsKey(target.Source))
                {
                    if (_reportedUnknownSources.Add(target.Source))
                    {
                        LogUnknownSource(key, target.Source);
                    }
                    continue;
                }
                if (!desired.TryAdd(target.Node, target))
                {
                    LogDuplicateTarget(target.Node.Job, target.Node.Instance, key);
                }
            }
        }

        var removed = 0;
        foreach (var (key, node) in _nodes.ToArray())
        {
            if (!desired.TryGetValue(key, out var target) || !string.Equals(target.Source, node.Target.Source, StringComparison.Ordinal))
            {
                RemoveNode(node);
                removed++;
            }
        }

        var added = 0;
        var changed = 0;
        foreach (var (key, target) in desired)
        {
            if (_nodes.TryGetValue(key, out var node))
            {
                if (UpdateNode(node, target))
                {
                    changed++;
                }
            }
            else
            {
                AddNode(target);
                added++;
            }
        }
        if (added + removed + changed > 0)
        {
            LogTargetsChanged(added, removed, changed, _nodes.Count);
        }
    }

    private void AddNode(ScrapeTarget target)
    {
        var node = new ScheduledNode(target, _sources[target.Source]);
        _nodes.Add(target.Node, node);
        _intake.NodeDiscovered(target.Node, target.Source);
        var now = _time.GetUtcNow();
        lock (node)
        {
            node.Offset = ScrapeSchedule.Offset(target.Node, target.Interval);
            node.NextDue = ScrapeSchedule.NextSlot(now, target.Interval, node.Offset);
            node.Timer = _time.CreateTimer(OnDue, node, node.NextDue - now, Timeout.InfiniteTimeSpan);
        }
        LogTargetAdded(target.Node.Job, target.Node.Instance, target.Source, target.Address);
    }

    private bool UpdateNode(ScheduledNode node, ScrapeTarget target)
    {
        lock (node)
        {
            if (node.Target.Equals(target))
            {
                return false;
            }
            var intervalChanged = node.Target.Interval != target.Interval;
            node.Target = target;
            if (intervalChanged)
            {
                node.Offset = ScrapeSchedule.Offset(target.Node, target.Interval);
                if (!node.Busy)
                {
                    var now = _time.GetUtcNow();
                    node.NextDue = ScrapeSchedule.NextSlot(now, target.Interval, node.Offset);
                    node.Timer?.Change(node.NextDue - now, Timeout.InfiniteTimeSpan);
                }
            }
            return true;
        }
    }

    private void RemoveNode(ScheduledNode node)
    {
        var key = node.Target.Node;
        _nodes.Remove(key);
        lock (node)
        {
            node.Removed = true;
            node.Timer?.Dispose();
            node.Timer = null;
            _intake.NodeRemoved(key);
            _statistics.Remove(key);
        }
        node.Source.Release(key);
        LogTargetRemoved(key.Job, key.Instance);
    }

    private void OnDue(object? state)
    {
        var node = (ScheduledNode)state!;
        lock (node)
        {
            if (node.Removed || node.Busy)
            {
                return;
            }
            node.Busy = true;
        }
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(node))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (_queue.Reader.TryRead(out var node))
            {
                try
                {
                    if (!stoppingToken.IsCancellationRequested)
                    {
                        await CollectAsync(node, stoppingToken);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _pending);
                }
            }
        }
    }

    private async Task CollectAsync(ScheduledNode node, CancellationToken stoppingToken)
    {
        ScrapeTarget target;
        lock (node)
        {
            if (node.Removed)
            {
                node.Busy = false;
                return;
            }
            target = node.Target;
        }

        var started = _time.GetTimestamp();
        ScrapeResult result;
        using (var timeout = new CancellationTokenSource(target.Timeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken))
        {
            try
            {
                // WaitAsync frees the worker at the deadline even if a source ignores its token.
                result = await node.Source.ScrapeAsync(target, linked.Token).WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                lock (node)
                {
                    node.Busy = false;
                }
                return;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                result = TimeoutResult(target);
            }
            catch (Exception ex)
            {
                LogSourceThrew(node.Source.Name, target.Node.Job, target.Node.Instance, ex);
                result = ScrapeResult.Failure(ScrapeErrorReasons.Internal, $"{ex.GetType().Name}: {ex.Message}");
            }
            if (!result.Succeeded && timeout.IsCancellationRequested && result.ErrorReason != ScrapeErrorReasons.Timeout)
            {
                // The deadline is what broke the collection, whatever the source made of the cancellation.
                result = TimeoutResult(target);
            }
        }
        var duration = _time.GetElapsedTime(started);
        Complete(node, target, result, duration);
    }

    private static ScrapeResult TimeoutResult(ScrapeTarget target) =>
        ScrapeResult.Failure(ScrapeErrorReasons.Timeout, $"no complete answer within {target.Timeout.TotalSeconds:0.###}s");

    private void Complete(ScheduledNode node, ScrapeTarget target, ScrapeResult result, TimeSpan duration)
    {
        var key = target.Node;
        _statistics.RecordCollection(key, duration);
        var now = _time.GetUtcNow();
        lock (node)
        {
            node.Busy = false;
            if (node.Removed)
            {
                node.Source.Release(key);
                return;
            }
            // The interval may have changed while the collection ran; schedule with the current one.
            var interval = node.Target.Interval;
            DateTimeOffset next;
            if (result.Succeeded)
            {
                var snapshot = new NodeSnapshot(key, now, result.Families, target.Labels);
                var status = new NodeStatus(key, target.Source, true, now, duration, snapshot.SampleCount, null, null, result.Info);
                _intake.Collected(snapshot, status);
                node.ConsecutiveFailures = 0;
                node.LastStatus = status;
                // A timer may fire a little before its slot; counting from the slot itself keeps a
                // collection that finishes early from being scheduled again in the same slot.
                next = ScrapeSchedule.NextSlot(Later(now, node.NextDue), interval, node.Offset);
            }
            else
            {
                var reason = result.ErrorReason!;
                var previous = node.LastStatus;
                var status = new NodeStatus(
                    key, target.Source, false, now, duration, previous?.Samples ?? 0,
                    result.ErrorMessage, reason, previous?.Info ?? NoInfo);
                _intake.CollectionFailed(status);
                _statistics.RecordError(key, reason);
                node.ConsecutiveFailures++;
                node.LastStatus = status;
                next = node.NextDue + ScrapeSchedule.Backoff(node.ConsecutiveFailures, interval, _maxBackoff);
                if (next <= now)
                {
                    next = ScrapeSchedule.NextSlot(Later(now, node.NextDue), interval, node.Offset);
                }
            }
            node.NextDue = next;
            if (!_stopping.IsCancellationRequested)
            {
                node.Timer?.Change(next - now, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
