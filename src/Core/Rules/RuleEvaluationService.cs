using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Rules;

/// <summary>
/// The one evaluation loop. Every change of a node in the <see cref="MetricStore"/> queues the node (a
/// node queued several times before its turn is evaluated once, on its latest entry); the loop shows it
/// to the <see cref="NodeLifecycle"/> (node events), then to every <see cref="IRuleSet"/>, then lets the
/// lifecycle raise or clear <c>node_down</c>. Routed notifications go to the rule sets, and a tick every
/// <c>alarms.checkInterval</c> handles what is due without new input. One loop means a node is never
/// evaluated twice at once and the collector never waits for alarm I/O.
/// </summary>
public sealed partial class RuleEvaluationService : BackgroundService
{
    private readonly MetricStore _store;
    private readonly NodeLifecycle _lifecycle;
    private readonly IRuleSet[] _sets;
    private readonly NotificationQueue _notifications;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<NodeKey> _queue = Channel.CreateUnbounded<NodeKey>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<NodeKey, byte> _queued = new();
    private readonly Channel<bool> _ticks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Context _context;

    public RuleEvaluationService(
        MetricStore store,
        NodeLifecycle lifecycle,
        IEnumerable<IRuleSet> sets,
        NotificationQueue notifications,
        TimeSpan checkInterval,
        TimeProvider time,
        ILogger<RuleEvaluationService> logger)
    {
        _store = store;
        _lifecycle = lifecycle;
        _sets = sets.ToArray();
        _notifications = notifications;
        _interval = checkInterval;
        _time = time;
        _logger = logger;
        _context = new Context(this);
    }

    public IReadOnlyList<IRuleSet> RuleSets => _sets;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _store.Changed += Enqueue;
        // Nodes already in the store (registered before we started).
        foreach (var entry in _store.Entries())
        {
            Enqueue(entry.Status.Node);
        }
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _store.Changed -= Enqueue;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticker = TickerAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (_notifications.Reader.TryRead(out var notification))
                {
                    foreach (var set in _sets)
                    {
                        await Guarded(() => set.NotificationAsync(notification, stoppingToken), set.Name, notification.Node);
                    }
                }
                while (_queue.Reader.TryRead(out var node))
                {
                    _queued.TryRemove(node, out _);
                    await EvaluateAsync(node, stoppingToken);
                }
                if (_ticks.Reader.TryRead(out _))
                {
                    await TickAsync(_time.GetUtcNow(), stoppingToken);
                }
                await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A bug of the loop itself (each set's failures are caught per call): never spin on it.
                LogLoopFailed(ex);
                try
                {
                    await Task.Delay(_interval, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        await ticker;
    }

    // A periodic timer created once: its ticks follow the clock (a fake one in tests) without a race
    // between reading the time and arming a delay.
    private async Task TickerAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _ticks.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        if (_queue.Reader.TryPeek(out _) || _notifications.Reader.TryPeek(out _) || _ticks.Reader.TryPeek(out _))
        {
            return;
        }
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(
            _queue.Reader.WaitToReadAsync(wake.Token).AsTask(),
            _notifications.Reader.WaitToReadAsync(wake.Token).AsTask(),
            _ticks.Reader.WaitToReadAsync(wake.Token).AsTask());
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task TickAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var node in _lifecycle.Due(now))
        {
            await EvaluateAsync(node, cancellationToken);
        }
        foreach (var set in _sets)
        {
            await Guarded(() => set.TickAsync(now, cancellationToken), set.Name, "(tick)");
        }
    }

    private async Task EvaluateAsync(NodeKey node, CancellationToken cancellationToken)
    {
        NodeLife? life;
        var entry = _store.TryGet(node, out var found) ? found : null;
        try
        {
            life = await _lifecycle.ObserveAsync(node, entry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex, "lifecycle", node.ToString());
            return;
        }
        var view = new NodeView(node, entry, life);
        foreach (var set in _sets)
        {
            await Guarded(() => set.NodeAsync(view, _context, cancellationToken), set.Name, node.ToString());
        }
        try
        {
            await _lifecycle.SettleAsync(node, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex, "lifecycle", node.ToString());
        }
    }

    // One set's failure (a storage error, a bug) must not keep the others from their turn.
    private async Task Guarded(Func<Task> work, string set, string subject)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(ex, set, subject);
        }
    }

    private void Enqueue(NodeKey node)
    {
        if (_queued.TryAdd(node, 0))
        {
            _queue.Writer.TryWrite(node);
        }
    }

    private sealed class Context(RuleEvaluationService host) : RuleContext
    {
        public override void Reevaluate(NodeKey node) => host.Enqueue(node);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluation by {Set} of {Subject} failed")]
    private partial void LogFailed(Exception exception, string set, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "The evaluation loop failed; it goes on")]
    private partial void LogLoopFailed(Exception exception);
}
