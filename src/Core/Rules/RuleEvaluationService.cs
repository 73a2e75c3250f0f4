using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Rules;

/// <summary>
/// Evaluates the rules whenever the <see cref="MetricStore"/> gets a new snapshot of a node, on one
/// background loop (so a node is never evaluated twice at once, and the collector never waits for
/// alarm I/O). A node queued several times before its turn is evaluated once, on its latest snapshot.
/// A node removed from the store has its alarms cleared.
/// </summary>
public sealed partial class RuleEvaluationService : BackgroundService
{
    private readonly MetricStore _store;
    private readonly RuleEngine _engine;
    private readonly ILogger _logger;
    private readonly Channel<NodeKey> _queue = Channel.CreateUnbounded<NodeKey>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<NodeKey, byte> _queued = new();
    private readonly Dictionary<NodeKey, NodeSnapshot> _evaluated = [];

    public RuleEvaluationService(MetricStore store, RuleEngine engine, ILogger<RuleEvaluationService> logger)
    {
        _store = store;
        _engine = engine;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _store.Changed += OnChanged;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _store.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var node in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                _queued.TryRemove(node, out _);
                try
                {
                    await EvaluateAsync(node, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogFailed(ex, node.ToString());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task EvaluateAsync(NodeKey node, CancellationToken cancellationToken)
    {
        if (!_store.TryGet(node, out var entry))
        {
            _evaluated.Remove(node);
            await _engine.NodeRemovedAsync(node.Instance, cancellationToken);
            return;
        }
        // A node that is down keeps its alarms as they are (node-down is the built-in alarm's job).
        if (entry.LiveSnapshot is not { } snapshot
            || (_evaluated.TryGetValue(node, out var last) && ReferenceEquals(last, snapshot)))
        {
            return;
        }
        await _engine.EvaluateAsync(snapshot, cancellationToken);
        _evaluated[node] = snapshot;
    }

    private void OnChanged(NodeKey node)
    {
        if (_queued.TryAdd(node, 0))
        {
            _queue.Writer.TryWrite(node);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule evaluation of node {Node} failed")]
    private partial void LogFailed(Exception exception, string node);
}
