using System.Globalization;
using System.Text;
using Gateway.Core.Events;
using Gateway.Core.Rules;

namespace Gateway.Saas.Datadog;

/// <summary>
/// Turns a gateway event into a Datadog event. Alarm events share <c>aggregation_key</c> = the alarm id,
/// so Datadog's event stream groups a raise with its changes, acknowledgements and clear; <c>alert_type</c>
/// follows the severity (clear → success). Node events are events too, aggregated by node.
/// </summary>
public sealed class DatadogEventMapper
{
    /// <summary>Datadog refuses a <c>date_happened</c> older than this.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(18);

    private const int MaxTitle = 100;
    private const int MaxText = 4000;
    private const int MaxKey = 100;
    private const int MaxTag = 200;

    private readonly string _sourceTypeName;
    private readonly IReadOnlyList<string> _tags;
    private readonly TimeProvider _time;

    public DatadogEventMapper(string sourceTypeName, IReadOnlyList<string> tags, TimeProvider time)
    {
        _sourceTypeName = sourceTypeName;
        _tags = tags;
        _time = time;
    }

    /// <summary>The event; its text ends with <c>Event id: &lt;GatewayEvent.Id&gt;</c> (Datadog events have no idempotency key).</summary>
    public DatadogEventRequest Map(GatewayEvent e)
    {
        var request = e switch
        {
            { Alarm: { } a } => Alarm(a),
            { Notification: { } n } => Notification(n),
            { NodeChange: { } n } => Node(n),
            _ => throw new ArgumentException("an empty gateway event", nameof(e)),
        };
        var id = "\nEvent id: " + e.Id;
        return request with { Text = Truncate(request.Text, MaxText - id.Length) + id };
    }

    /// <summary>error (critical, major), warning (minor, warning), info (indeterminate), success (cleared).</summary>
    public static string AlertType(Severity severity) => severity switch
    {
        Severity.Critical or Severity.Major => "error",
        Severity.Minor or Severity.Warning => "warning",
        Severity.Cleared => "success",
        _ => "info",
    };

    private DatadogEventRequest Alarm(AlarmEvent e)
    {
        var alarm = e.Alarm;
        var what = $"{alarm.Type} on {alarm.Node}" + (alarm.Resource.Length > 0 ? $" ({alarm.Resource})" : string.Empty);
        var (label, alertType) = e.Kind switch
        {
            AlarmEventKind.Raised => (SeverityNames.Name(alarm.Severity), AlertType(alarm.Severity)),
            AlarmEventKind.SeverityChanged => ($"{SeverityNames.Name(e.PreviousSeverity)} → {SeverityNames.Name(alarm.Severity)}", AlertType(alarm.Severity)),
            AlarmEventKind.Cleared => ("cleared", "success"),
            AlarmEventKind.Acknowledged => ("acknowledged", "info"),
            AlarmEventKind.Unacknowledged => ("unacknowledged", "info"),
            _ => ("comment", "info"),
        };
        var text = new StringBuilder();
        text.Append(alarm.Description.Length > 0 ? alarm.Description : alarm.Type).Append('\n');
        if (e.Comment is { Length: > 0 } comment)
        {
            text.Append("Comment: ").Append(comment).Append('\n');
        }
        text.Append("Alarm: ").Append(alarm.Id).Append('\n');
        text.Append("Event: ").Append(EventNames.Of(e.Kind)).Append('\n');
        text.Append("Severity: ").Append(SeverityNames.Name(alarm.Severity));
        if (e.Kind == AlarmEventKind.SeverityChanged)
        {
            text.Append(" (was ").Append(SeverityNames.Name(e.PreviousSeverity)).Append(')');
        }
        text.Append('\n');
        if (alarm.Value is { } value)
        {
            text.Append("Value: ").Append(value.ToString(CultureInfo.InvariantCulture));
            if (alarm.Threshold is { } threshold)
            {
                text.Append(" (threshold ").Append(threshold.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
            text.Append('\n');
        }
        text.Append("Raised: ").Append(Iso(alarm.RaisedAt)).Append('\n');
        text.Append("Happened: ").Append(Iso(e.Time));
        var tags = new List<string>
        {
            Tag("node", alarm.Node),
            Tag("type", alarm.Type),
            Tag("severity", SeverityNames.Name(alarm.Severity)),
            Tag("event", EventNames.Of(e.Kind)),
        };
        if (alarm.Resource.Length > 0)
        {
            tags.Add(Tag("resource", alarm.Resource));
        }
        if (alarm.Group is { Length: > 0 } group)
        {
            tags.Add(Tag("group", group));
        }
        return Build($"[{label}] {what}", text.ToString(), alarm.Id, alertType, "normal", e.Time, alarm.Node, tags);
    }

    private DatadogEventRequest Notification(Notification n)
    {
        var level = n.Level.ToLowerInvariant();
        var (alertType, priority) = level switch
        {
            "emergency" or "alert" or "critical" or "error" => ("error", "normal"),
            "warning" => ("warning", "normal"),
            _ => ("info", "low"),
        };
        var firstLine = n.Message.Split('\n', 2)[0];
        var text = new StringBuilder(n.Message).Append('\n');
        foreach (var (key, value) in n.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }
        text.Append("Source: ").Append(n.Source).Append('\n');
        text.Append("Happened: ").Append(Iso(n.Time));
        var tags = new List<string> { Tag("node", n.Node), Tag("level", level), Tag("source", n.Source), Tag("event", "notification") };
        if (n.Group is { Length: > 0 } group)
        {
            tags.Add(Tag("group", group));
        }
        return Build($"[{level}] {n.Node}: {firstLine}", text.ToString(), null, alertType, priority, n.Time, n.Node, tags);
    }

    private DatadogEventRequest Node(NodeEvent n)
    {
        var (state, alertType) = n.Kind switch
        {
            NodeEventKind.Up => ("up", "success"),
            NodeEventKind.Down => ("down", "error"),
            _ => ("removed", "info"),
        };
        var title = $"[node {state}] {n.Node}" + (n.Reason is { Length: > 0 } r ? ": " + r : string.Empty);
        var text = new StringBuilder($"Node {n.Node} is {state}");
        if (n.Reason is { Length: > 0 } reason)
        {
            text.Append(": ").Append(reason);
        }
        text.Append('\n').Append("Happened: ").Append(Iso(n.Time));
        var tags = new List<string> { Tag("node", n.Node), Tag("event", "node_" + state) };
        if (n.Job is { Length: > 0 } job)
        {
            tags.Add(Tag("job", job));
        }
        if (n.Group is { Length: > 0 } group)
        {
            tags.Add(Tag("group", group));
        }
        return Build(title, text.ToString(), "node:" + n.Node, alertType, "normal", n.Time, n.Node, tags);
    }

    private DatadogEventRequest Build(string title, string text, string? key, string alertType, string priority, DateTimeOffset time, string host, List<string> tags)
    {
        tags.AddRange(_tags);
        return new DatadogEventRequest
        {
            Title = Truncate(title, MaxTitle),
            Text = Truncate(text, MaxText),
            AggregationKey = key is null ? null : Truncate(key, MaxKey),
            AlertType = alertType,
            Priority = priority,
            SourceTypeName = _sourceTypeName,
            // An older date is refused with a 400; the text keeps the real time ("Happened:").
            DateHappened = _time.GetUtcNow() - time < MaxAge ? time.ToUnixTimeSeconds() : null,
            Host = host,
            Tags = tags,
        };
    }

    /// <summary><c>name:value</c>, at most 200 characters (Datadog's limit).</summary>
    public static string Tag(string name, string value) => Truncate(name + ":" + value, MaxTag);



    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
