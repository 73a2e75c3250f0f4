using System.Globalization;
using Gateway.Core.Events;
using Gateway.Core.Routing;
using Gateway.Core.Rules;

namespace Gateway.Saas.Opsgenie;

/// <summary>
/// Turns alarm events into Alert API calls on the alias = alarm id (pure: no I/O): raise → create, severity
/// change → update priority (or create, when the previous severity was below <c>minSeverity</c> so Opsgenie
/// never had the alert), clear → close, acknowledge → acknowledge, unacknowledge → unacknowledge, comment →
/// add note. Node events and notifications have no Opsgenie counterpart (the gateway's <c>node_down</c> alarm
/// already pages for a down node).
/// </summary>
public sealed class OpsgenieEventMapper
{
    private readonly OpsgenieExporterOptions _options;
    private readonly Severity? _minSeverity;
    private readonly List<OpsgenieResponder>? _responders;

    public OpsgenieEventMapper(OpsgenieExporterOptions options)
    {
        _options = options;
        _minSeverity = SeverityThreshold.TryParse(options.MinSeverity, out var min) ? min : null;
        _responders = options.Responders.Count == 0
            ? null
            : options.Responders.Select(r => new OpsgenieResponder(r.Type!.ToLowerInvariant(), Blank(r.Id), Blank(r.Name), Blank(r.Username))).ToList();
    }

    /// <summary>Opsgenie's priority for a gateway severity: critical P1, major P2, minor P3, warning P4, else P5.</summary>
    public static string PriorityOf(Severity severity) => severity switch
    {
        Severity.Critical => "P1",
        Severity.Major => "P2",
        Severity.Minor => "P3",
        Severity.Warning => "P4",
        _ => "P5",
    };

    /// <summary>The call for <paramref name="e"/>, or null when Opsgenie has nothing for it.</summary>
    public OpsgenieRequest? Map(GatewayEvent e)
    {
        if (e.Alarm is not { } a)
        {
            return null;
        }
        var alias = a.Alarm.Id;
        return a.Kind switch
        {
            AlarmEventKind.Raised => new(OpsgenieCall.Create, alias, Create(a)),
            AlarmEventKind.SeverityChanged when _minSeverity is { } min && a.PreviousSeverity < min => new(OpsgenieCall.Create, alias, Create(a)),
            AlarmEventKind.SeverityChanged => new(OpsgenieCall.UpdatePriority, alias, new OpsgeniePriority(PriorityOf(a.Alarm.Severity))),
            AlarmEventKind.Cleared => new(OpsgenieCall.Close, alias, Action(a.Comment ?? "Cleared by the gateway")),
            AlarmEventKind.Acknowledged => new(OpsgenieCall.Acknowledge, alias, Action(a.Comment)),
            AlarmEventKind.Unacknowledged => new(OpsgenieCall.Unacknowledge, alias, Action(a.Comment)),
            AlarmEventKind.Commented => new(OpsgenieCall.AddNote, alias, Action(a.Comment is { Length: > 0 } c ? c : "(empty comment)")),
            _ => null,
        };
    }

    private OpsgenieCreateAlert Create(AlarmEvent e)
    {
        var alarm = e.Alarm;
        var what = alarm.Resource.Length > 0 && alarm.Resource != alarm.Type ? $"{alarm.Type} {alarm.Resource}" : alarm.Type;
        var message = alarm.Description.Length > 0 ? $"{what} on {alarm.Node}: {alarm.Description}" : $"{what} on {alarm.Node}";
        var tags = new List<string> { "gateway", Truncate(alarm.Type, OpsgenieLimits.Tag) };
        if (alarm.Group is { Length: > 0 } group)
        {
            tags.Add(Truncate(group, OpsgenieLimits.Tag));
        }
        tags.AddRange(_options.Tags);
        return new OpsgenieCreateAlert(
            Truncate(message, OpsgenieLimits.Message),
            Alias: alarm.Id,
            Description: Truncate(Description(e), OpsgenieLimits.Description),
            Priority: PriorityOf(alarm.Severity),
            Source: _options.Source,
            Entity: Truncate(alarm.Node, OpsgenieLimits.Entity),
            Tags: tags.Distinct(StringComparer.Ordinal).Take(OpsgenieLimits.Tags).ToList(),
            Details: Details(e),
            Responders: _responders,
            User: _options.User);
    }

    private static string Description(AlarmEvent e)
    {
        var alarm = e.Alarm;
        var text = alarm.Description.Length > 0 ? alarm.Description + "\n\n" : string.Empty;
        return text + $"Node: {alarm.Node}\nType: {alarm.Type}\nResource: {alarm.Resource}\nSeverity: {SeverityNames.Name(alarm.Severity)}\nRaised: {Timestamp(alarm.RaisedAt)}"
            + (alarm.Value is { } v ? $"\nValue: {Number(v)}" : string.Empty)
            + (alarm.Threshold is { } t ? $"\nThreshold: {Number(t)}" : string.Empty);
    }

    // Opsgenie's details are a string map, 8000 characters in all: the identity first, long values cut.
    private static Dictionary<string, string> Details(AlarmEvent e)
    {
        var alarm = e.Alarm;
        var details = new Dictionary<string, string>
        {
            ["alarm_id"] = alarm.Id,
            ["event_id"] = e.EventId.ToString(),
            ["severity"] = SeverityNames.Name(alarm.Severity),
            ["node"] = alarm.Node,
            ["type"] = alarm.Type,
            ["resource"] = alarm.Resource,
            ["raised_at"] = Timestamp(alarm.RaisedAt),
        };
        if (alarm.Value is { } value)
        {
            details["value"] = Number(value);
        }
        if (alarm.Threshold is { } threshold)
        {
            details["threshold"] = Number(threshold);
        }
        if (alarm.Group is { Length: > 0 } group)
        {
            details["group"] = group;
        }
        var room = OpsgenieLimits.Details;
        foreach (var key in details.Keys.ToList())
        {
            var max = Math.Max(0, Math.Min(1_000, room - key.Length));
            details[key] = Truncate(details[key], max);
            room -= key.Length + details[key].Length;
        }
        return details;
    }

    private OpsgenieAction Action(string? note) =>
        new(_options.Source, _options.User, note is null ? null : Truncate(note, OpsgenieLimits.Note));


    private static string Number(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Truncate(string text, int max) => text.Length <= max ? text : max <= 1 ? text[..max] : text[..(max - 1)] + "…";
}
