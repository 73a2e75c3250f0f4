using System.Globalization;
using Gateway.Core.Alarms;
using Gateway.Core.Events;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// Turns a gateway event into a GELF message: <c>host</c> = the node, the event's time, a syslog
/// level (<see cref="GelfLevels"/>) and the event's facts as additional fields (the table in README.md).
/// A notification's metadata keys follow its own fields; one that would overwrite a field of ours is
/// renamed <c>_meta_&lt;key&gt;</c>.
/// </summary>
public static class GelfEventMapper
{
    public static GelfMessage Map(GatewayEvent e)
    {
        if (e.Alarm is { } alarm)
        {
            return Map(alarm);
        }
        if (e.Notification is { } notification)
        {
            return Map(notification);
        }
        return Map(e.NodeChange!);
    }

    public static GelfMessage Map(AlarmEvent e)
    {
        var a = e.Alarm;
        var kind = EventNames.Of(e.Kind);
        var severity = AlarmMetrics.SeverityName(a.Severity);
        var fields = new List<GelfField>(16)
        {
            GelfField.Of("node", a.Node),
            GelfField.Of("event", kind),
            GelfField.Of("event_id", e.EventId.ToString("D")),
            GelfField.Of("alarm_id", a.Id),
            GelfField.Of("type", a.Type),
            GelfField.Of("resource", a.Resource),
            GelfField.Of("severity", severity),
            GelfField.Of("previous_severity", AlarmMetrics.SeverityName(e.PreviousSeverity)),
            GelfField.Of("description", a.Description),
            GelfField.Of("raised_at", a.RaisedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            GelfField.Of("acknowledged", a.Acknowledged ? "true" : "false"),
        };
        if (a.Group is not null)
        {
            fields.Add(GelfField.Of("group", a.Group));
        }
        if (a.Value is { } value)
        {
            fields.Add(GelfField.Of("value", value));
        }
        if (a.Threshold is { } threshold)
        {
            fields.Add(GelfField.Of("threshold", threshold));
        }
        if (e.Comment is not null)
        {
            fields.Add(GelfField.Of("comment", e.Comment));
        }
        var text = $"alarm {kind} {severity} {a.Type} on {a.Node} resource={a.Resource}: {a.Description}";
        return new GelfMessage(a.Node, FirstLine(text), e.Time, GelfLevels.FromAlarmEvent(e), FullMessage(text, e.Comment), fields);
    }

    public static GelfMessage Map(Notification n)
    {
        var fields = new List<GelfField>(8 + n.Metadata.Count)
        {
            GelfField.Of("node", n.Node),
            GelfField.Of("event", "notification"),
            GelfField.Of("event_id", n.Id.ToString("D")),
            GelfField.Of("source", n.Source),
            GelfField.Of("log_level", n.Level),
        };
        if (n.Group is not null)
        {
            fields.Add(GelfField.Of("group", n.Group));
        }
        var ours = new HashSet<string>(fields.Select(f => GelfFieldNames.Sanitise(f.Name)), StringComparer.Ordinal);
        foreach (var (key, value) in n.Metadata)
        {
            var name = ours.Contains(GelfFieldNames.Sanitise(key)) ? "meta_" + key : key;
            fields.Add(GelfField.Of(name, value));
        }
        var shortMessage = FirstLine(n.Message);
        var full = shortMessage.Length == n.Message.Length ? null : n.Message;
        return new GelfMessage(n.Node, shortMessage, n.Time, GelfLevels.FromLevelName(n.Level), full, fields);
    }

    public static GelfMessage Map(NodeEvent e)
    {
        var kind = EventNames.Of(e.Kind);
        var level = e.Kind == NodeEventKind.Down ? GelfLevels.Warning : GelfLevels.Notice;
        var fields = new List<GelfField>(6)
        {
            GelfField.Of("node", e.Node),
            GelfField.Of("event", kind),
            GelfField.Of("event_id", e.EventId.ToString("D")),
        };
        if (e.Job is not null)
        {
            fields.Add(GelfField.Of("job", e.Job));
        }
        if (e.Group is not null)
        {
            fields.Add(GelfField.Of("group", e.Group));
        }
        if (e.Reason is not null)
        {
            fields.Add(GelfField.Of("reason", e.Reason));
        }
        var text = e.Kind switch
        {
            NodeEventKind.Up => $"node up {e.Node}",
            NodeEventKind.Down => $"node down {e.Node}" + (e.Reason is null ? string.Empty : ": " + e.Reason),
            _ => $"node removed {e.Node}",
        };
        return new GelfMessage(e.Node, text, e.Time, level, Fields: fields);
    }

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }

    private static string? FullMessage(string text, string? comment)
    {
        var multiLine = text.AsSpan().IndexOfAny('\r', '\n') >= 0;
        if (comment is null)
        {
            return multiLine ? text : null;
        }
        return text + "\n\ncomment: " + comment;
    }
}
