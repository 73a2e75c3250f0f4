using System.Globalization;
using Gateway.Core.Events;

namespace Gateway.Saas.Email;

/// <summary>The labelled facts of one event, in the order a mail shows them, and the link to it on the gateway's API.</summary>
public static class EmailFields
{
    public static IReadOnlyList<(string Label, string Value)> Of(GatewayEvent e)
    {
        var fields = new List<(string, string)>();
        if (e.Alarm is { } a)
        {
            var alarm = a.Alarm;
            fields.Add(("Severity", EmailSubjects.SeverityName(a.Kind == AlarmEventKind.Cleared ? Severity.Cleared : alarm.Severity)));
            if (a.Kind is AlarmEventKind.SeverityChanged or AlarmEventKind.Cleared && a.PreviousSeverity != Severity.Cleared)
            {
                fields.Add(("Previous severity", EmailSubjects.SeverityName(a.PreviousSeverity)));
            }
            fields.Add(("Node", alarm.Node));
            fields.Add(("Type", alarm.Type));
            fields.Add(("Resource", alarm.Resource));
            fields.Add(("Description", alarm.Description));
            if (alarm.Value is { } value)
            {
                fields.Add(("Value", Number(value) + (alarm.Threshold is { } t ? " (threshold " + Number(t) + ")" : string.Empty)));
            }
            else if (alarm.Threshold is { } threshold)
            {
                fields.Add(("Threshold", Number(threshold)));
            }
            if (a.Comment is { Length: > 0 } comment)
            {
                fields.Add(("Comment", comment));
            }
            fields.Add(("Acknowledged", alarm.Acknowledged ? "yes" : "no"));
            if (alarm.Group is { Length: > 0 } group)
            {
                fields.Add(("Group", group));
            }
            fields.Add(("Raised at", Time(alarm.RaisedAt)));
            fields.Add(("Event at", Time(a.Time)));
            fields.Add(("Alarm id", alarm.Id));
        }
        else if (e.Notification is { } n)
        {
            fields.Add(("Level", n.Level));
            fields.Add(("Node", n.Node));
            fields.Add(("Source", n.Source));
            fields.Add(("Message", n.Message));
            if (n.Group is { Length: > 0 } group)
            {
                fields.Add(("Group", group));
            }
            fields.Add(("Time", Time(n.Time)));
            foreach (var (key, value) in n.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                fields.Add((key, value));
            }
        }
        else if (e.NodeChange is { } node)
        {
            fields.Add(("Node", node.Node));
            fields.Add(("State", node.Kind.ToString().ToLowerInvariant()));
            if (node.Reason is { Length: > 0 } reason)
            {
                fields.Add(("Reason", reason));
            }
            if (node.Job is { Length: > 0 } job)
            {
                fields.Add(("Job", job));
            }
            if (node.Group is { Length: > 0 } group)
            {
                fields.Add(("Group", group));
            }
            fields.Add(("Time", Time(node.Time)));
        }
        fields.Add(("Event id", e.Id.ToString()));
        return fields;
    }

    /// <summary>The alarm on the gateway's API (<c>/api/v1/alarms/{id}</c>), the nodes list for a node event; none for a notification.</summary>
    public static string? LinkOf(GatewayEvent e, string? gatewayUrl)
    {
        if (string.IsNullOrEmpty(gatewayUrl))
        {
            return null;
        }
        var root = gatewayUrl.TrimEnd('/');
        if (e.Alarm is { } a)
        {
            return root + "/api/v1/alarms/" + Uri.EscapeDataString(a.Alarm.Id);
        }
        return e.NodeChange is not null ? root + "/api/v1/nodes" : null;
    }

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
