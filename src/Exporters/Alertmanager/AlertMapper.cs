using System.Globalization;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Rules;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// Turns a <see cref="FiringAlert"/> into the alert Alertmanager receives. Labels (the identity):
/// <c>alertname</c> (alarm type), <c>instance</c> (node), <c>job</c>, <c>severity</c>, <c>resource</c>
/// (when not empty), <c>group</c> (when the node has one), <c>alarm_id</c>. Annotations: <c>summary</c>,
/// <c>description</c>, and <c>value</c>, <c>threshold</c>, <c>acknowledged</c>, <c>comment</c> when set.
/// </summary>
internal sealed class AlertMapper(AlarmLinks links)
{
    public PostableAlert Firing(FiringAlert alert) => Map(alert, endsAt: null);

    /// <summary>The same alert, resolved at <paramref name="endsAt"/> (never before it started: Alertmanager refuses that).</summary>
    public PostableAlert Resolved(FiringAlert alert, DateTimeOffset endsAt) =>
        Map(alert, endsAt > alert.StartsAt ? endsAt : alert.StartsAt);

    public static string SeverityLabel(Severity severity) => SeverityNames.Name(severity);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private PostableAlert Map(FiringAlert alert, DateTimeOffset? endsAt)
    {
        var alarm = alert.Alarm;
        var severity = SeverityLabel(alert.Severity);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = alarm.Type,
            ["instance"] = alarm.Node,
            ["job"] = alert.Job,
            ["severity"] = severity,
            ["alarm_id"] = alarm.Id,
        };
        // Alertmanager drops empty labels; leaving them out keeps the identity the same either way.
        if (!string.IsNullOrEmpty(alarm.Resource))
        {
            labels["resource"] = alarm.Resource;
        }
        if (!string.IsNullOrEmpty(alarm.Group))
        {
            labels["group"] = alarm.Group;
        }
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = string.IsNullOrEmpty(alarm.Resource)
                ? $"{alarm.Type} on {alarm.Node}: {severity}"
                : $"{alarm.Type} on {alarm.Node} ({alarm.Resource}): {severity}",
            ["description"] = alarm.Description,
        };
        if (alarm.Value is { } value)
        {
            annotations["value"] = value.ToString(CultureInfo.InvariantCulture);
        }
        if (alarm.Threshold is { } threshold)
        {
            annotations["threshold"] = threshold.ToString(CultureInfo.InvariantCulture);
        }
        if (alarm.Acknowledged)
        {
            annotations["acknowledged"] = "true";
        }
        if (!string.IsNullOrEmpty(alert.Comment))
        {
            annotations["comment"] = alert.Comment;
        }
        return new PostableAlert(labels, annotations, Time(alert.StartsAt), endsAt is { } end ? Time(end) : null, links.For(alarm.Id));
    }
}
