using Gateway.Core.Events;
using Gateway.Core.Routing;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// What every Alertmanager destination reads beside its events: the minimum severity (an alarm that drops
/// below it is resolved in Alertmanager, or resends would keep it firing), the node's <c>job</c>, and —
/// once, after a start — the active alarms that pass the exporter's routing filters.
/// </summary>
public sealed class AlertmanagerExporterContext
{
    /// <summary>The <c>job</c> label of an alarm whose node no collection job watches (an external alarm).</summary>
    public const string DefaultJob = "gateway";

    private readonly Func<IReadOnlyList<Alarm>> _active;
    private readonly Func<IReadOnlyDictionary<string, string>> _jobs;
    private readonly EventFilter _filter;

    /// <param name="minSeverity">The exporter's <c>minSeverity</c> (<see cref="Severity.Indeterminate"/> when unset).</param>
    /// <param name="filter">The exporter's routing filters, applied to the active alarms read after a start.</param>
    /// <param name="active">The alarm manager's active alarms (empty when there is none).</param>
    /// <param name="jobs">The job watching each node (<c>instance</c> → <c>job</c>).</param>
    public AlertmanagerExporterContext(Severity minSeverity, EventFilter filter, Func<IReadOnlyList<Alarm>> active, Func<IReadOnlyDictionary<string, string>> jobs)
    {
        MinSeverity = minSeverity;
        _filter = filter;
        _active = active;
        _jobs = jobs;
    }

    public Severity MinSeverity { get; }

    /// <summary>Whether an alarm at <paramref name="severity"/> fires in Alertmanager.</summary>
    public bool Fires(Severity severity) => severity != Severity.Cleared && severity >= MinSeverity;

    /// <summary>The current jobs by node; read once per batch.</summary>
    public IReadOnlyDictionary<string, string> Jobs() => _jobs();

    /// <summary>The active alarms the exporter would have posted, as firing alerts.</summary>
    internal IEnumerable<FiringAlert> ActiveAlerts()
    {
        IReadOnlyDictionary<string, string>? jobs = null;
        foreach (var alarm in _active())
        {
            var raised = GatewayEvent.From(new AlarmEvent(Guid.Empty, AlarmEventKind.Raised, alarm, Severity.Cleared, alarm.RaisedAt));
            if (Fires(alarm.Severity) && _filter.Accepts(raised))
            {
                jobs ??= _jobs();
                yield return new FiringAlert(alarm, alarm.Severity, jobs.GetValueOrDefault(alarm.Node, DefaultJob), alarm.RaisedAt);
            }
        }
    }
}
