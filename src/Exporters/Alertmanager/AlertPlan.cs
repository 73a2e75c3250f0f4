using Gateway.Core.Events;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// The alerts one batch of alarm events becomes, worked out against what Alertmanager last received, and
/// that state after the batch (applied only once Alertmanager accepted the request).
/// <list type="bullet">
/// <item>raise → the alert, firing since the raise;</item>
/// <item>severity change → the alert with the old <c>severity</c> label resolved and one with the new label
/// firing since the change (labels are the identity in Alertmanager, and routes and inhibit rules match on
/// <c>severity</c>); a drop below <c>minSeverity</c> only resolves;</item>
/// <item>clear → the alert resolved at the clear (<c>endsAt</c>);</item>
/// <item>acknowledge, unacknowledge, comment → the firing alert again with its annotations updated
/// (<c>acknowledged</c>, <c>comment</c>): annotations are not the identity, so nothing new fires.</item>
/// </list>
/// </summary>
internal sealed class AlertPlan(IReadOnlyDictionary<string, FiringAlert> firing, AlertMapper mapper, AlertmanagerExporterContext context)
{
    private readonly Dictionary<string, FiringAlert?> _changes = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string>? _jobs;

    public List<PostableAlert> Alerts { get; } = [];

    public void Add(AlarmEvent e)
    {
        var alarm = e.Alarm;
        var current = _changes.TryGetValue(alarm.Id, out var changed) ? changed : firing.GetValueOrDefault(alarm.Id);
        FiringAlert? next;
        switch (e.Kind)
        {
            case AlarmEventKind.Raised:
            case AlarmEventKind.SeverityChanged:
                next = Raise(e, current);
                break;
            case AlarmEventKind.Cleared:
                var last = current ?? Known(alarm, e.PreviousSeverity, null, alarm.RaisedAt);
                if (last is not null)
                {
                    Alerts.Add(mapper.Resolved(last with { Alarm = alarm }, e.Time));
                }
                next = null;
                break;
            default:
                next = current ?? Known(alarm, alarm.Severity, null, alarm.RaisedAt);
                if (next is not null)
                {
                    next = next with { Alarm = alarm, Comment = e.Comment ?? next.Comment };
                    Alerts.Add(mapper.Firing(next));
                }
                break;
        }
        _changes[alarm.Id] = next;
    }

    public void ApplyTo(Dictionary<string, FiringAlert> state)
    {
        foreach (var (id, alert) in _changes)
        {
            if (alert is null)
            {
                state.Remove(id);
            }
            else
            {
                state[id] = alert;
            }
        }
    }

    private FiringAlert? Raise(AlarmEvent e, FiringAlert? current)
    {
        var alarm = e.Alarm;
        // The alert under the previous severity label: the one we posted, or — after a restart, or when the
        // alarm rose from below minSeverity — the one Alertmanager may hold from before.
        var previous = current ?? (e.Kind == AlarmEventKind.SeverityChanged ? Known(alarm, e.PreviousSeverity, null, alarm.RaisedAt) : null);
        if (previous is not null && previous.Severity != alarm.Severity)
        {
            Alerts.Add(mapper.Resolved(previous with { Alarm = alarm }, e.Time));
        }
        if (!context.Fires(alarm.Severity))
        {
            return null;
        }
        var next = previous is not null && previous.Severity == alarm.Severity
            ? previous with { Alarm = alarm }
            : new FiringAlert(alarm, alarm.Severity, previous?.Job ?? JobOf(alarm.Node), e.Kind == AlarmEventKind.Raised ? alarm.RaisedAt : e.Time, previous?.Comment);
        Alerts.Add(mapper.Firing(next));
        return next;
    }

    // An alert of this alarm that Alertmanager may have from before (only at a severity that fires there).
    private FiringAlert? Known(Alarm alarm, Severity severity, string? comment, DateTimeOffset startsAt) =>
        context.Fires(severity) ? new FiringAlert(alarm, severity, JobOf(alarm.Node), startsAt, comment) : null;

    private string JobOf(string node) =>
        (_jobs ??= context.Jobs()).GetValueOrDefault(node, AlertmanagerExporterContext.DefaultJob);
}
