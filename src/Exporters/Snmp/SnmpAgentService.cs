using System.Net;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Nodes;
using Gateway.Core.Store;
using Gateway.Snmp.Agent;
using Gateway.Snmp.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// Runs the read-only SNMP agent and keeps its gwAlarmTable / gwNodeTable / gwActiveAlarms filled
/// from the <see cref="AlarmManager"/>'s active alarms and the <see cref="MetricStore"/>'s node
/// statuses. Alarm and node changes wake the refresh at once (bursts coalesced); every
/// <see cref="SnmpAgentEndpointOptions.RefreshInterval"/> it also looks again as a safety net, and the
/// tables are rebuilt only when something they show changed.
/// </summary>
public sealed partial class SnmpAgentService : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan CoalesceGap = TimeSpan.FromMilliseconds(100);

    private readonly SnmpRuntime _runtime;
    private readonly SnmpAgentEndpointOptions _options;
    private readonly AlarmManager? _alarms;
    private readonly MetricStore? _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MibTreeProvider _tables = new();
    private readonly SnmpTableBuilder _builder;
    private readonly object _refreshGate = new();
    private TaskCompletionSource _wake = NewWake();
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private SnmpAgent? _agent;
    private int _alarmSignature;
    private long _storeVersion = -1;
    private bool _built;
    private bool _disposed;

    public SnmpAgentService(SnmpRuntime runtime, SnmpAgentEndpointOptions options, AlarmManager? alarms, MetricStore? store, TimeProvider time, ILogger<SnmpAgentService> logger)
    {
        _runtime = runtime;
        _options = options;
        _alarms = alarms;
        _store = store;
        _time = time;
        _logger = logger;
        _builder = new SnmpTableBuilder(runtime.Notifications);
    }

    /// <summary>The running agent (its counters, its bound endpoint); null before start.</summary>
    public SnmpAgent? Agent => _agent;

    public IPEndPoint? LocalEndPoint => _agent?.LocalEndPoint;

    /// <summary>The provider holding the gateway tables (what the agent serves besides the system group).</summary>
    public MibTreeProvider Tables => _tables;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!SnmpAddress.TryParse(_options.Listen, 161, out var listen, allowAnyPort: true) || listen.Literal is not { } ip)
        {
            throw new InvalidOperationException($"{SnmpExporterOptions.YamlPath}.agent.listen: \"{_options.Listen}\" is not ip:port");
        }
        var users = _options.Users.Select(SnmpUsers.Create).ToArray();
        var engine = _runtime.Engine;
        var system = new SystemGroupProvider(engine, "Gateway: O&M bridge for BEAM systems", _runtime.Notifications.Oids.Base, Environment.MachineName);
        RefreshNow();
        try
        {
            _agent = new SnmpAgent(
                engine,
                new SnmpAgentOptions { Listen = new IPEndPoint(ip, listen.Port), Community = _options.Community, Users = users },
                [system, _tables]);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            // Fail the start with the key to fix, not a bare socket error.
            throw new InvalidOperationException($"{SnmpExporterOptions.YamlPath}.agent.listen: cannot listen on udp:{listen}: {ex.Message}", ex);
        }
        _agent.Start();
        var engineId = SnmpEngineId.ToHex(engine.EngineId);
        LogListening(_agent.LocalEndPoint, _options.Community is null ? "off" : "on", users.Length, engineId);
        if (_store is not null)
        {
            _store.Changed += OnStoreChanged;
        }
        if (_alarms is not null)
        {
            _alarms.ActiveChanged += OnAlarmsChanged;
        }
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => RefreshLoopAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            _store.Changed -= OnStoreChanged;
        }
        if (_alarms is not null)
        {
            _alarms.ActiveChanged -= OnAlarmsChanged;
        }
        if (_stop is not null)
        {
            await _stop.CancelAsync();
        }
        if (_loop is not null)
        {
            await _loop;
            _loop = null;
        }
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
            _agent = null;
        }
    }

    /// <summary>Rebuilds the tables now if the active alarms or the node statuses changed since the last build.</summary>
    public void RefreshNow()
    {
        lock (_refreshGate)
        {
            var alarms = _alarms?.GetActive() ?? [];
            var signature = Signature(alarms);
            var version = _store?.Version ?? 0;
            if (_built && signature == _alarmSignature && version == _storeVersion)
            {
                return;
            }
            var nodes = _store?.Entries() ?? [];
            _tables.Update(_builder.Rows(alarms, nodes));
            _alarmSignature = signature;
            _storeVersion = version;
            _built = true;
        }
    }

    private async Task RefreshLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAny(Volatile.Read(ref _wake).Task, Task.Delay(_options.RefreshInterval, _time, stop));
                stop.ThrowIfCancellationRequested();
                // A fresh signal before reading, so a change during the rebuild wakes the next round.
                Volatile.Write(ref _wake, NewWake());
                RefreshNow();
                await Task.Delay(CoalesceGap, _time, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed refresh must not stop the agent; the old tables stay
            catch (Exception ex)
            {
                LogRefreshFailed(ex);
            }
#pragma warning restore CA1031
        }
    }

    private void OnStoreChanged(NodeKey node) => Volatile.Read(ref _wake).TrySetResult();

    private void OnAlarmsChanged() => Volatile.Read(ref _wake).TrySetResult();

    private static int Signature(IReadOnlyList<Alarm> alarms)
    {
        var hash = new HashCode();
        hash.Add(alarms.Count);
        foreach (var a in alarms)
        {
            hash.Add(a.Id);
            hash.Add(a.Severity);
            hash.Add(a.UpdatedAt);
            hash.Add(a.Description);
            hash.Add(a.Value);
            hash.Add(a.Threshold);
        }
        return hash.ToHashCode();
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await StopAsync(CancellationToken.None);
        _stop?.Dispose();
    }
}
