using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Store;
using Gateway.Core.Telemetry;

namespace Gateway.Core.Alarms;

/// <summary>
/// <c>gateway_alarm_active{instance,job,type,severity}</c>: the active alarms per node, alarm type and
/// severity, for "alarms per node and type" in Grafana (<c>sum by (instance, type) (gateway_alarm_active)</c>).
/// Each series counts the node's active alarms of that type and severity (1 for one alarm; several
/// resources of one type add up, so series stay unique without a per-resource label). <c>instance</c>
/// is the alarm's node; <c>job</c> is that node's job in the <see cref="MetricStore"/> (the first in job
/// order when several jobs watch it). For a node the store does not know (an external alarm, a removed
/// node) the series has no <c>job</c> and the exporter gives it the gateway's own, like any provided
/// series. A family with per-node labels, so it merges with the nodes' series rather than living in
/// <see cref="SelfMetrics"/>.
/// </summary>
internal sealed class ActiveAlarmFamilies(AlarmManager alarms, MetricStore? store) : IMetricFamilyProvider
{
    public const string Name = "gateway_alarm_active";

    public IEnumerable<MetricFamily> Collect()
    {
        var active = alarms.GetActive();
        if (active.Count == 0)
        {
            return [];
        }
        var jobs = JobsByInstance();
        var counts = new Dictionary<(string Instance, string Type, Severity Severity), int>();
        foreach (var alarm in active)
        {
            var key = (alarm.Node, alarm.Type, alarm.Severity);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var keys = counts.Keys.ToArray();
        Array.Sort(keys, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Instance, b.Instance);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Type, b.Type);
            }
            return c != 0 ? c : b.Severity.CompareTo(a.Severity);
        });
        var samples = new Sample[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var (instance, type, severity) = keys[i];
            var labels = jobs.TryGetValue(instance, out var job)
                ? LabelSet.Create(new Label("instance", instance), new Label("job", job), new Label("type", type), new Label("severity", AlarmMetrics.SeverityName(severity)))
                : LabelSet.Create(new Label("instance", instance), new Label("type", type), new Label("severity", AlarmMetrics.SeverityName(severity)));
            samples[i] = new Sample(Name, labels, counts[keys[i]]);
        }
        return [new MetricFamily(Name, MetricType.Gauge, "Active alarms per node, alarm type and severity.", samples)];
    }

    private Dictionary<string, string> JobsByInstance()
    {
        var jobs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (store is not null)
        {
            // Entries come in job order: the first job of an instance wins.
            foreach (var entry in store.Entries())
            {
                jobs.TryAdd(entry.Status.Node.Instance, entry.Status.Node.Job);
            }
        }
        return jobs;
    }
}
