using Gateway.Core.Events;
using Gateway.Core.Telemetry;

namespace Gateway.Core.Alarms;

/// <summary>
/// The alarm manager's gateway-wide self-metrics in <see cref="SelfMetrics"/>:
/// <c>gateway_alarms_active{severity}</c> (gauge) and <c>gateway_alarm_events_total{event}</c> (counter),
/// every severity and event kind present from the start (at 0). Both mirror the manager's own state,
/// read before each collection. The per-node <c>gateway_alarm_active</c> is <see cref="ActiveAlarmFamilies"/>.
/// </summary>
public static class AlarmMetrics
{
    public const string Active = "gateway_alarms_active";
    public const string Events = "gateway_alarm_events_total";

    private static readonly Severity[] Severities = [Severity.Critical, Severity.Major, Severity.Minor, Severity.Warning, Severity.Indeterminate];
    private static readonly AlarmEventKind[] Kinds = Enum.GetValues<AlarmEventKind>();

    /// <summary>Creates the instruments in <paramref name="metrics"/> and keeps them up to date with <paramref name="alarms"/>.</summary>
    public static void Register(SelfMetrics metrics, AlarmManager alarms)
    {
        var active = metrics.CreateGauge(Active, "Active alarms by severity.", "severity");
        var events = metrics.CreateCounter(Events, "Alarm lifecycle events since start, by kind.", "event");
        var bySeverity = Array.ConvertAll(Severities, s => active.WithLabels(SeverityName(s)));
        var byKind = Array.ConvertAll(Kinds, k => events.WithLabels(EventNames.Of(k)));
        metrics.BeforeCollect(() =>
        {
            var counts = alarms.CountBySeverity();
            for (var i = 0; i < Severities.Length; i++)
            {
                bySeverity[i].Set(counts.GetValueOrDefault(Severities[i]));
            }
            for (var i = 0; i < Kinds.Length; i++)
            {
                byKind[i].IncTo(alarms.EventCount(Kinds[i]));
            }
        });
    }

    /// <summary>The <c>severity</c> label value: <c>critical</c>, <c>major</c>, <c>minor</c>, <c>warning</c>, <c>indeterminate</c>.</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.Major => "major",
        Severity.Minor => "minor",
        Severity.Warning => "warning",
        Severity.Indeterminate => "indeterminate",
        _ => "cleared",
    };

}
