using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Core.Alarms;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam.Rules;

/// <summary>
/// Evaluates the built-in BEAM alarms whenever the <see cref="MetricStore"/> changes for a BEAM node,
/// on one background loop (a node is never evaluated twice at once; the collector never waits for
/// alarm I/O), and reports each node's full set to the <see cref="AlarmManager"/> as source <c>beam</c>.
/// A timer ticks every <see cref="BeamAlarmOptions.CheckInterval"/> so <c>node_down</c> is raised on
/// time even when no collection reports the node in between. Edge cases are listed in README.md.
/// </summary>
public sealed partial class BeamAlarmService : BackgroundService
{
    private const string BeamSource = "beam";

    private readonly MetricStore store;
    private readonly AlarmManager alarms;
    private readonly BeamAlarmEvaluator evaluator;
    private readonly TimeProvider time;
    private readonly TimeSpan checkInterval;
    private readonly ILogger logger;
    private readonly Channel<NodeKey?> queue = Channel.CreateUnbounded<NodeKey?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<NodeKey, byte> queued = new();

    // Loop state, touched by the single reader only.
    private readonly HashSet<NodeKey> known = [];
    private readonly Dictionary<NodeKey, DateTimeOffset> downSince = [];
    private readonly HashSet<NodeKey> reportedDown = [];
    private readonly Dictionary<NodeKey, (string Group, NodeApplications Apps)> live = [];
    private readonly Dictionary<string, HashSet<NodeKey>> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupApplications> groupApps = new(StringComparer.Ordinal);

    public BeamAlarmService(MetricStore store, AlarmManager alarms, BeamAlarmOptions options, TimeProvider time, ILogger<BeamAlarmService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.alarms = alarms;
        evaluator = new BeamAlarmEvaluator(options);
        this.time = time;
        checkInterval = options.CheckInterval;
        this.logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        store.Changed += OnChanged;
        // Nodes already in the store when we start (e.g. registered before the host started us).
        foreach (var entry in store.Entries())
        {
            OnChanged(entry.Status.Node);
        }
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        store.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticker = TickAsync(stoppingToken);
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (item is { } node)
                    {
                        queued.TryRemove(node, out _);
                        await EvaluateAsync(node, stoppingToken);
                    }
                    else
                    {
                        await CheckDownAsync(stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    LogFailed(ex, item?.ToString() ?? "(node_down check)");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await ticker;
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(checkInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                queue.Writer.TryWrite(null);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnChanged(NodeKey node)
    {
        if (queued.TryAdd(node, 0))
        {
            queue.Writer.TryWrite(node);
        }
    }

    private async Task CheckDownAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = downSince
            .Where(d => !reportedDown.Contains(d.Key) && now - d.Value >= evaluator.NodeDownAfter)
            .Select(d => d.Key)
            .ToList();
        foreach (var node in due)
        {
            await EvaluateAsync(node, cancellationToken);
        }
    }

    private async Task EvaluateAsync(NodeKey node, CancellationToken cancellationToken)
    {
        if (!store.TryGet(node, out var entry) || !string.Equals(entry.Status.Source, BeamSource, StringComparison.Ordinal))
        {
            if (known.Remove(node))
            {
                Forget(node);
                // WombatOAM: a node that leaves the inventory takes its alarms with it, at once.
                await alarms.NodeRemovedAsync(node.Instance, cancellationToken);
            }
            return;
        }

        known.Add(node);
        if (entry.Status.Up && entry.Snapshot is { } snapshot)
        {
            downSince.Remove(node);
            reportedDown.Remove(node);
            var group = Group(entry);
            var apps = NodeApplications.From(snapshot);
            var changed = !live.TryGetValue(node, out var before) || !string.Equals(before.Group, group, StringComparison.Ordinal) || !before.Apps.SameAs(apps);
            if (changed)
            {
                RemoveLive(node);
                if (group.Length > 0)
                {
                    live[node] = (group, apps);
                    GroupOf(group).Add(node);
                    groupApps.Remove(group);
                    RequeuePeers(group, node);
                }
                if (before.Group is { Length: > 0 } oldGroup && !string.Equals(oldGroup, group, StringComparison.Ordinal))
                {
                    RequeuePeers(oldGroup, node);
                }
            }

            await alarms.ReportAsync(node.Instance, AlarmSources.Beam, evaluator.Evaluate(snapshot, Applications(group)), cancellationToken);
            return;
        }

        if (entry.Status.LastScrape is null)
        {
            return; // pending: never collected yet, neither up nor down
        }

        // Down: it no longer counts in its group's consistency checks.
        if (live.TryGetValue(node, out var was))
        {
            RemoveLive(node);
            RequeuePeers(was.Group, node);
        }
        var now = time.GetUtcNow();
        if (!downSince.TryGetValue(node, out var since))
        {
            // Unreachable since the first failed collection finished (not since we got round to it).
            downSince[node] = since = entry.Status.LastScrape is { } failedAt && failedAt <= now ? failedAt : now;
        }
        // Until node_down is due the node keeps its alarms as they were; from then on node_down is its
        // only beam alarm (its other figures are unknown), and the next good collection replaces it.
        if (!reportedDown.Contains(node) && evaluator.NodeDown(now - since) is { } down)
        {
            await alarms.ReportAsync(node.Instance, AlarmSources.Beam, [down], cancellationToken);
            reportedDown.Add(node);
        }
    }

    private static string Group(NodeEntry entry) =>
        entry.Status.Info.TryGetValue("group", out var g) && g.Length > 0 ? g
        : entry.Snapshot?.TargetLabels.Get("group") ?? string.Empty;

    // What the live nodes of a group run, rebuilt only after the group changed (see RequeuePeers).
    private GroupApplications Applications(string group)
    {
        if (group.Length == 0 || !groups.TryGetValue(group, out var members))
        {
            return GroupApplications.Empty;
        }
        if (!groupApps.TryGetValue(group, out var apps))
        {
            groupApps[group] = apps = GroupApplications.From(members.Select(m => live[m].Apps));
        }
        return apps;
    }

    private HashSet<NodeKey> GroupOf(string group)
    {
        if (!groups.TryGetValue(group, out var members))
        {
            groups[group] = members = [];
        }
        return members;
    }

    private void RemoveLive(NodeKey node)
    {
        if (live.Remove(node, out var was) && groups.TryGetValue(was.Group, out var members))
        {
            groupApps.Remove(was.Group);
            members.Remove(node);
            if (members.Count == 0)
            {
                groups.Remove(was.Group);
            }
        }
    }

    private void RequeuePeers(string group, NodeKey except)
    {
        if (groups.TryGetValue(group, out var members))
        {
            foreach (var peer in members)
            {
                if (peer != except)
                {
                    OnChanged(peer);
                }
            }
        }
    }

    private void Forget(NodeKey node)
    {
        if (live.TryGetValue(node, out var was))
        {
            RemoveLive(node);
            RequeuePeers(was.Group, node);
        }
        downSince.Remove(node);
        reportedDown.Remove(node);
    }
}
