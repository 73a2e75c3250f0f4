using System.Globalization;
using Gateway.Core.Events;
using Gateway.Core.Rules;

namespace Gateway.Saas.PagerDuty;

/// <summary>
/// Turns gateway events into Events API v2 requests (pure: no I/O). Alarm events are alert events with
/// <c>dedup_key</c> = alarm id: raise, severity change and unacknowledge → <c>trigger</c> (the full payload,
/// the current severity), clear → <c>resolve</c>, acknowledge → <c>acknowledge</c>. Comments, node events and
/// notifications have no alert action: they become change events when <c>changeEvents</c> is on.
/// </summary>
public sealed class PagerDutyEventMapper
{
    /// <summary>PagerDuty's limit on <c>payload.summary</c>.</summary>
    public const int MaxSummary = 1024;

    /// <summary>Longest description or message kept in <c>custom_details</c> (the whole event must stay under 512 KB).</summary>
    public const int MaxDetail = 16 * 1024;

    private readonly string _routingKey;
    private readonly string _client;
    private readonly string? _clientUrl;

    public PagerDutyEventMapper(PagerDutyExporterOptions options)
    {
        _routingKey = options.RoutingKey ?? string.Empty;
        _client = options.Client;
        _clientUrl = options.ClientUrl?.TrimEnd('/');
    }

    /// <summary>PagerDuty's severity for a gateway severity (critical, error, warning, info).</summary>
    public static string SeverityOf(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.Major => "error",
        Severity.Minor or Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The request for <paramref name="e"/>, or null when PagerDuty has nothing for it.</summary>
    public PagerDutyRequest? Map(GatewayEvent e)
    {
        if (e.Alarm is { } a)
        {
            return a.Kind switch
            {
                AlarmEventKind.Raised or AlarmEventKind.SeverityChanged or AlarmEventKind.Unacknowledged => new(Trigger(a), null),
                AlarmEventKind.Cleared => new(new PagerDutyAlertEvent(_routingKey, "resolve", a.Alarm.Id), null),
                AlarmEventKind.Acknowledged => new(new PagerDutyAlertEvent(_routingKey, "acknowledge", a.Alarm.Id), null),
                AlarmEventKind.Commented => new(null, Comment(a)),
                _ => null,
            };
        }
        if (e.NodeChange is { } node)
        {
            return new(null, NodeChange(node));
        }
        return e.Notification is { } n ? new(null, Notification(n)) : null;
    }

    private PagerDutyAlertEvent Trigger(AlarmEvent e)
    {
        var alarm = e.Alarm;
        var payload = new PagerDutyPayload(
            Truncate(Summary(alarm), MaxSummary),
            alarm.Node,
            SeverityOf(alarm.Severity),
            Timestamp(e.Time),
            alarm.Resource.Length > 0 ? alarm.Resource : null,
            alarm.Group,
            alarm.Type,
            Details(e));
        return new PagerDutyAlertEvent(_routingKey, "trigger", alarm.Id, payload, _client, _clientUrl, Links(alarm.Id));
    }

    private PagerDutyChangeEvent Comment(AlarmEvent e)
    {
        var alarm = e.Alarm;
        var summary = $"Comment on {alarm.Type} on {alarm.Node}: {e.Comment}";
        var details = new Dictionary<string, object>
        {
            ["alarm_id"] = alarm.Id,
            ["event_id"] = e.EventId.ToString(),
            ["comment"] = Truncate(e.Comment ?? string.Empty, MaxDetail),
            ["type"] = alarm.Type,
            ["resource"] = alarm.Resource,
        };
        return new PagerDutyChangeEvent(_routingKey, new PagerDutyChangePayload(Truncate(summary, MaxSummary), alarm.Node, Timestamp(e.Time), details), Links(alarm.Id));
    }

    private PagerDutyChangeEvent NodeChange(NodeEvent e)
    {
        var state = e.Kind switch
        {
            NodeEventKind.Up => "up",
            NodeEventKind.Down => "down",
            _ => "removed",
        };
        var summary = $"Node {e.Node} {state}" + (e.Reason is { Length: > 0 } reason ? ": " + reason : string.Empty);
        var details = new Dictionary<string, object> { ["node"] = e.Node, ["state"] = state, ["event_id"] = e.EventId.ToString() };
        Add(details, "reason", e.Reason);
        Add(details, "job", e.Job);
        Add(details, "group", e.Group);
        return new PagerDutyChangeEvent(_routingKey, new PagerDutyChangePayload(Truncate(summary, MaxSummary), e.Node, Timestamp(e.Time), details));
    }

    private PagerDutyChangeEvent Notification(Notification n)
    {
        var details = new Dictionary<string, object>
        {
            ["node"] = n.Node,
            ["level"] = n.Level,
            ["source"] = n.Source,
            ["message"] = Truncate(n.Message, MaxDetail),
            ["event_id"] = n.Id.ToString(),
        };
        Add(details, "group", n.Group);
        if (n.Metadata.Count > 0)
        {
            details["metadata"] = n.Metadata;
        }
        var summary = $"{n.Level} on {n.Node}: {n.Message}";
        return new PagerDutyChangeEvent(_routingKey, new PagerDutyChangePayload(Truncate(summary, MaxSummary), n.Node, Timestamp(n.Time), details));
    }

    private static string Summary(Alarm alarm)
    {
        var what = alarm.Resource.Length > 0 && alarm.Resource != alarm.Type ? $"{alarm.Type} {alarm.Resource}" : alarm.Type;
        return alarm.Description.Length > 0 ? $"{what} on {alarm.Node}: {alarm.Description}" : $"{what} on {alarm.Node}";
    }

    private static Dictionary<string, object> Details(AlarmEvent e)
    {
        var alarm = e.Alarm;
        var details = new Dictionary<string, object>
        {
            ["alarm_id"] = alarm.Id,
            ["event_id"] = e.EventId.ToString(),
            ["event"] = EventNames.Of(e.Kind),
            ["severity"] = SeverityNames.Name(alarm.Severity),
            ["previous_severity"] = SeverityNames.Name(e.PreviousSeverity),
            ["node"] = alarm.Node,
            ["type"] = alarm.Type,
            ["resource"] = alarm.Resource,
            ["description"] = Truncate(alarm.Description, MaxDetail),
            ["raised_at"] = Timestamp(alarm.RaisedAt),
            ["acknowledged"] = alarm.Acknowledged,
        };
        if (alarm.Value is { } value && double.IsFinite(value))
        {
            details["value"] = value;
        }
        if (alarm.Threshold is { } threshold && double.IsFinite(threshold))
        {
            details["threshold"] = threshold;
        }
        Add(details, "group", alarm.Group);
        Add(details, "comment", e.Comment is null ? null : Truncate(e.Comment, MaxDetail));
        return details;
    }

    private List<PagerDutyLink>? Links(string alarmId) =>
        _clientUrl is null ? null : [new PagerDutyLink($"{_clientUrl}/api/v1/alarms/{Uri.EscapeDataString(alarmId)}", "Alarm in Gateway")];

    private static void Add(Dictionary<string, object> details, string key, string? value)
    {
        if (value is { Length: > 0 })
        {
            details[key] = value;
        }
    }


    /// <summary>ISO 8601 in UTC with milliseconds, as PagerDuty's examples.</summary>
    internal static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
