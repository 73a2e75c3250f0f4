using System.Collections.Concurrent;
using Gateway.Core.Events;
using Gateway.Core.Nodes;
using Gateway.Core.Routing;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Alarms;

/// <summary>
/// Owns the alarm lifecycle: raise → severity change → clear, acknowledge, comment. Every change is
/// written to <c>alarms.db</c> together with its <see cref="AlarmEvent"/> in one transaction, then
/// routed; events not yet routed when the process died are routed at the next start (same ids).
/// Changes are serialised (one at a time) so each alarm's events reach every outbox in order.
/// Reads (<see cref="GetActive"/>, <see cref="Get"/>) never wait for a change in progress.
/// </summary>
public sealed partial class AlarmManager : IDisposable
{
    private readonly AlarmStore _store;
    private readonly IEventRouter _router;
    private readonly AlarmsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly NodeGroups? _groups;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, ActiveAlarm> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byNode = new(StringComparer.Ordinal);
    private readonly List<(long Sequence, AlarmEvent Event)> _unrouted = [];
    private readonly long[] _eventCounts = new long[Enum.GetValues<AlarmEventKind>().Length];
    private readonly DateTimeOffset _startedAt;
    private DateTimeOffset _lastPrune;
    private bool _graceOver;
    private bool _disposed;

    public AlarmManager(string databasePath, IEventRouter router, AlarmsOptions options, TimeProvider time, ILogger<AlarmManager> logger, NodeGroups? groups = null)
    {
        _groups = groups;
        _router = router;
        _options = options;
        _time = time;
        _logger = logger;
        _startedAt = time.GetUtcNow();
        _lastPrune = _startedAt;
        _store = new AlarmStore(databasePath, options.FullSync);
        try
        {
            var state = _store.Load();
            foreach (var (source, alarm) in state.Active)
            {
                // Restored alarms stay active without a new "raised" event; their source must confirm them.
                Put(new ActiveAlarm(alarm, source, Confirmed: false, ClearDueAt: null));
            }
            _unrouted.AddRange(state.Unrouted);
            if (state.Active.Count > 0 || state.Unrouted.Count > 0)
            {
                LogRestored(state.Active.Count, state.Unrouted.Count);
            }
        }
        catch
        {
            _store.Dispose();
            throw;
        }
    }

    /// <summary>The file of the alarm database under the data folder.</summary>
    public static string PathFor(string dataDir) => Path.Combine(dataDir, "alarms.db");

    public int ActiveCount => _active.Count;

    /// <summary>
    /// Raised after the active set changed (raise, severity change, clear, ack …), once per commit and
    /// before the events are routed; readers of <see cref="GetActive"/> (the SNMP agent's table) refresh on it.
    /// </summary>
    public event Action? ActiveChanged;

    /// <summary>Active alarms matching <paramref name="filter"/>, most severe first, then oldest first.</summary>
    public IReadOnlyList<Alarm> GetActive(AlarmFilter? filter = null) =>
        _active.Values
            .Select(a => a.Alarm)
            .Where(a => filter is null || filter.Matches(a))
            .OrderByDescending(a => a.Severity)
            .ThenBy(a => a.RaisedAt)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToArray();

    public Alarm? Get(string id) => _active.TryGetValue(id, out var a) ? a.Alarm : null;

    public bool IsActive(string id) => _active.ContainsKey(id);

    /// <summary>
    /// Events of <paramref name="kind"/> this process emitted since it started (for
    /// <c>gateway_alarm_events_total</c>); events of an earlier run routed again at start are not counted.
    /// </summary>
    public long EventCount(AlarmEventKind kind) => Interlocked.Read(ref _eventCounts[(int)kind]);

    /// <summary>Active alarm counts per severity (for <c>gateway_alarms_active</c>).</summary>
    public IReadOnlyDictionary<Severity, int> CountBySeverity() =>
        _active.Values.GroupBy(a => a.Alarm.Severity).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// An evaluator's full view of node <paramref name="node"/>: <paramref name="conditions"/> are all the
    /// conditions of <paramref name="source"/> true right now. New ones are raised, changed severities
    /// are reported, and alarms of this node and source missing from the set are cleared (after the
    /// minimum hold). Returns the events emitted.
    /// </summary>
    public async Task<IReadOnlyList<AlarmEvent>> ReportAsync(string node, string source, IReadOnlyCollection<AlarmCondition> conditions, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var changes = new List<Change>();
            HashSet<string>? seen = null;
            foreach (var condition in conditions)
            {
                if (condition.Severity == Severity.Cleared)
                {
                    continue;
                }
                var id = AlarmId.For(node, condition.Type, condition.Resource);
                if ((seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(id))
                {
                    RaiseChange(node, source, condition, id, now, changes);
                }
            }
            if (_byNode.TryGetValue(node, out var ids))
            {
                foreach (var id in ids)
                {
                    var alarm = _active[id];
                    if (string.Equals(alarm.Source, source, StringComparison.Ordinal) && (seen is null || !seen.Contains(id)))
                    {
                        ConditionGone(alarm, now, changes);
                    }
                }
            }
            return await CommitAsync(changes, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Raises (or updates) one alarm of <paramref name="source"/>; returns its id.</summary>
    public async Task<string> RaiseAsync(string node, string source, AlarmCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(condition.Severity, Severity.Cleared);
        var id = AlarmId.For(node, condition.Type, condition.Resource);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var changes = new List<Change>();
            RaiseChange(node, source, condition, id, _time.GetUtcNow(), changes);
            await CommitAsync(changes, cancellationToken);
            return id;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A condition went away: clears the alarm, respecting the minimum hold. False when not active.</summary>
    public async Task<bool> ClearConditionAsync(string node, string type, string resource, CancellationToken cancellationToken = default)
    {
        var id = AlarmId.For(node, type, resource);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_active.TryGetValue(id, out var alarm))
            {
                return false;
            }
            var changes = new List<Change>();
            ConditionGone(alarm, _time.GetUtcNow(), changes);
            await CommitAsync(changes, cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Raises (or updates) an alarm from the HTTP API; it is only cleared explicitly. Returns its id.</summary>
    public Task<string> RaiseExternalAsync(string node, string type, string resource, Severity severity, string description, CancellationToken cancellationToken = default) =>
        RaiseAsync(node, AlarmSources.External, new AlarmCondition(type, resource, severity, description), cancellationToken);

    /// <summary>Clears the alarm of this identity at once (no hold). False when not active.</summary>
    public Task<bool> ClearExternalAsync(string node, string type, string resource, CancellationToken cancellationToken = default) =>
        ClearNowAsync(AlarmId.For(node, type, resource), null, cancellationToken);

    /// <summary>Clears the alarm with this id at once (no hold). False when not active.</summary>
    public Task<bool> ClearExternalAsync(string id, CancellationToken cancellationToken = default) =>
        ClearNowAsync(id, null, cancellationToken);

    /// <summary>An operator clears an alarm (no hold). If its condition still holds, the next evaluation raises it again.</summary>
    public Task<bool> ClearManuallyAsync(string id, string? comment = null, CancellationToken cancellationToken = default) =>
        ClearNowAsync(id, comment, cancellationToken);

    /// <summary>False when the alarm is not active or already acknowledged.</summary>
    public Task<bool> AcknowledgeAsync(string id, string? comment = null, CancellationToken cancellationToken = default) =>
        OperatorChangeAsync(id, AlarmEventKind.Acknowledged, comment, cancellationToken);

    /// <summary>False when the alarm is not active or not acknowledged.</summary>
    public Task<bool> UnacknowledgeAsync(string id, string? comment = null, CancellationToken cancellationToken = default) =>
        OperatorChangeAsync(id, AlarmEventKind.Unacknowledged, comment, cancellationToken);

    /// <summary>Adds a comment (an event of its own). False when the alarm is not active.</summary>
    public Task<bool> CommentAsync(string id, string comment, CancellationToken cancellationToken = default) =>
        OperatorChangeAsync(id, AlarmEventKind.Commented, comment, cancellationToken);

    /// <summary>A node left the inventory: its alarms are cleared at once, except external ones.</summary>
    public async Task<int> NodeRemovedAsync(string node, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_byNode.TryGetValue(node, out var ids))
            {
                return 0;
            }
            var now = _time.GetUtcNow();
            var changes = new List<Change>();
            foreach (var id in ids)
            {
                var alarm = _active[id];
                if (!string.Equals(alarm.Source, AlarmSources.External, StringComparison.Ordinal))
                {
                    changes.Add(ClearChange(alarm, now, null));
                }
            }
            await CommitAsync(changes, cancellationToken);
            return changes.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Housekeeping, called periodically (<see cref="AlarmMaintenanceService"/>): routes events left
    /// unrouted, performs clears whose hold time is over, clears restored alarms nobody confirmed once
    /// the startup grace is over, prunes the history.
    /// </summary>
    public async Task ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var changes = new List<Change>();
            var graceEnds = !_graceOver && now - _startedAt >= _options.StartupGrace;
            var unconfirmed = 0;
            foreach (var alarm in _active.Values)
            {
                if (alarm.ClearDueAt is { } due && due <= now)
                {
                    changes.Add(ClearChange(alarm, now, null));
                }
                else if (graceEnds && !alarm.Confirmed && !string.Equals(alarm.Source, AlarmSources.External, StringComparison.Ordinal))
                {
                    changes.Add(ClearChange(alarm, now, null));
                    unconfirmed++;
                }
            }
            if (graceEnds)
            {
                _graceOver = true;
                if (unconfirmed > 0)
                {
                    LogUnconfirmedCleared(unconfirmed);
                }
            }
            await CommitAsync(changes, cancellationToken);
            if (now - _lastPrune >= TimeSpan.FromHours(1))
            {
                _lastPrune = now;
                var routed = _unrouted.Count > 0 ? _unrouted[0].Sequence - 1 : long.MaxValue;
                var pruned = _store.Prune(now - _options.HistoryRetention, _options.HistoryMaxEvents, routed);
                if (pruned > 0)
                {
                    LogPruned(pruned);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Alarm events at or after <paramref name="since"/>, oldest first, at most <paramref name="limit"/>;
    /// with no <paramref name="since"/>, the latest <paramref name="limit"/> events.
    /// </summary>
    public async Task<IReadOnlyList<AlarmEvent>> GetHistoryAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _store.History(since, limit);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _gate.Wait();
        try
        {
            _disposed = true;
            _store.Dispose();
        }
        finally
        {
            _gate.Release();
        }
        _gate.Dispose();
    }

    private void RaiseChange(string node, string source, AlarmCondition c, string id, DateTimeOffset now, List<Change> changes)
    {
        if (!_active.TryGetValue(id, out var current))
        {
            var alarm = new Alarm(id, node, c.Type, c.Resource, c.Severity, c.Description, now, now, c.Value, c.Threshold, Group: _groups?.Get(node));
            changes.Add(new Change(id, new ActiveAlarm(alarm, source, true, null), Event(AlarmEventKind.Raised, alarm, Severity.Cleared, now, null)));
            return;
        }
        if (current.Alarm.Severity != c.Severity)
        {
            var alarm = current.Alarm with
            {
                Severity = c.Severity,
                Description = c.Description,
                UpdatedAt = now,
                Value = c.Value,
                Threshold = c.Threshold,
            };
            changes.Add(new Change(id, current with { Alarm = alarm, Confirmed = true, ClearDueAt = null }, Event(AlarmEventKind.SeverityChanged, alarm, current.Alarm.Severity, now, null)));
            return;
        }
        // Same severity: a pending clear is cancelled and the latest value kept, without an event.
        if (!current.Confirmed || current.ClearDueAt is not null || current.Alarm.Value != c.Value
            || !string.Equals(current.Alarm.Description, c.Description, StringComparison.Ordinal))
        {
            var alarm = current.Alarm with { Description = c.Description, Value = c.Value, Threshold = c.Threshold };
            changes.Add(new Change(id, current with { Alarm = alarm, Confirmed = true, ClearDueAt = null }, null));
        }
    }

    private void ConditionGone(ActiveAlarm alarm, DateTimeOffset now, List<Change> changes)
    {
        var holdUntil = alarm.Alarm.RaisedAt + _options.MinHold;
        if (now >= holdUntil)
        {
            changes.Add(ClearChange(alarm, now, null));
        }
        else if (alarm.ClearDueAt is null)
        {
            changes.Add(new Change(alarm.Alarm.Id, alarm with { Confirmed = true, ClearDueAt = holdUntil }, null));
        }
    }

    private static Change ClearChange(ActiveAlarm current, DateTimeOffset now, string? comment)
    {
        var alarm = current.Alarm with { Severity = Severity.Cleared, UpdatedAt = now };
        return new Change(current.Alarm.Id, null, Event(AlarmEventKind.Cleared, alarm, current.Alarm.Severity, now, comment));
    }

    private async Task<bool> ClearNowAsync(string id, string? comment, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_active.TryGetValue(id, out var current))
            {
                return false;
            }
            await CommitAsync([ClearChange(current, _time.GetUtcNow(), comment)], cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> OperatorChangeAsync(string id, AlarmEventKind kind, string? comment, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_active.TryGetValue(id, out var current))
            {
                return false;
            }
            var acknowledged = kind switch
            {
                AlarmEventKind.Acknowledged => true,
                AlarmEventKind.Unacknowledged => false,
                _ => current.Alarm.Acknowledged,
            };
            if (kind != AlarmEventKind.Commented && acknowledged == current.Alarm.Acknowledged)
            {
                return false;
            }
            var now = _time.GetUtcNow();
            var alarm = current.Alarm with { Acknowledged = acknowledged, UpdatedAt = now };
            await CommitAsync([new Change(id, current with { Alarm = alarm }, Event(kind, alarm, current.Alarm.Severity, now, comment))], cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Persists the changes with their events (one transaction), applies them, then routes.</summary>
    private async Task<IReadOnlyList<AlarmEvent>> CommitAsync(IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        List<AlarmEvent>? events = null;
        List<(string, ActiveAlarm?)>? writes = null;
        foreach (var change in changes)
        {
            if (change.Event is not null)
            {
                (events ??= []).Add(change.Event);
                (writes ??= []).Add((change.Id, change.State));
            }
        }
        if (events is not null)
        {
            var sequences = _store.Apply(writes!, events);
            for (var i = 0; i < events.Count; i++)
            {
                _unrouted.Add((sequences[i], events[i]));
            }
        }
        foreach (var change in changes)
        {
            if (change.State is null)
            {
                Remove(change.Id);
            }
            else
            {
                Put(change.State);
            }
        }
        foreach (var e in events ?? [])
        {
            Interlocked.Increment(ref _eventCounts[(int)e.Kind]);
            LogAlarmEvent(e.Kind, e.Alarm.Severity, e.Alarm.Node, e.Alarm.Type, e.Alarm.Resource, e.Alarm.Id);
        }
        if (events is not null)
        {
            ActiveChanged?.Invoke();
        }
        await RouteUnroutedAsync(cancellationToken);
        return (IReadOnlyList<AlarmEvent>?)events ?? [];
    }

    private async Task RouteUnroutedAsync(CancellationToken cancellationToken)
    {
        if (_unrouted.Count == 0)
        {
            return;
        }
        var batch = new GatewayEvent[_unrouted.Count];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = GatewayEvent.From(_unrouted[i].Event);
        }
        // If routing fails the events stay in _unrouted (and above the routed mark on disk) and go
        // first with the next change, or with the next maintenance tick, so order is kept.
        await _router.RouteAsync(batch, cancellationToken);
        var last = _unrouted[^1].Sequence;
        _unrouted.Clear();
        _store.SetRoutedSequence(last);
    }

    private void Put(ActiveAlarm alarm)
    {
        _active[alarm.Alarm.Id] = alarm;
        if (!_byNode.TryGetValue(alarm.Alarm.Node, out var ids))
        {
            _byNode[alarm.Alarm.Node] = ids = new HashSet<string>(StringComparer.Ordinal);
        }
        ids.Add(alarm.Alarm.Id);
    }

    private void Remove(string id)
    {
        if (_active.TryRemove(id, out var removed) && _byNode.TryGetValue(removed.Alarm.Node, out var ids))
        {
            ids.Remove(id);
            if (ids.Count == 0)
            {
                _byNode.Remove(removed.Alarm.Node);
            }
        }
    }

    private static AlarmEvent Event(AlarmEventKind kind, Alarm alarm, Severity previous, DateTimeOffset now, string? comment) =>
        new(Guid.NewGuid(), kind, alarm, previous, now, comment);

    /// <summary>A new state for an alarm (null: no longer active) and the event it produces, if any.</summary>
    private sealed record Change(string Id, ActiveAlarm? State, AlarmEvent? Event);
}
