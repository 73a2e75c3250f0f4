using Gateway.Core.Events;
using Gateway.Core.Rules;

namespace Gateway.Saas.Chat;

/// <summary>
/// What a chat message about an alarm event says, whatever the chat's format: a headline, the facts
/// (node, type, resource, severity, group), the description or comment, the link to the alarm on the
/// gateway, and the colour of its severity. Raise, severity change and clear are full messages;
/// acknowledge, unacknowledge and comment are short ones (<see cref="Short"/>).
/// </summary>
public sealed record ChatMessage(
    string Headline,
    string Title,
    string Text,
    IReadOnlyList<KeyValuePair<string, string>> Facts,
    string Link,
    ChatColor Color,
    DateTimeOffset Time,
    bool Short)
{
    public static ChatMessage For(AlarmEvent e, string link)
    {
        ArgumentNullException.ThrowIfNull(e);
        var alarm = e.Alarm;
        var severity = SeverityNames.Name(alarm.Severity);
        var previous = SeverityNames.Name(e.PreviousSeverity);
        var where = string.IsNullOrEmpty(alarm.Resource) ? alarm.Node : $"{alarm.Node} ({alarm.Resource})";
        var (verb, color, isShort) = e.Kind switch
        {
            AlarmEventKind.Raised => ($"Raised {severity}", ChatColors.Of(alarm.Severity), false),
            AlarmEventKind.SeverityChanged => ($"{(alarm.Severity > e.PreviousSeverity ? "Escalated" : "Downgraded")} {previous} → {severity}", ChatColors.Of(alarm.Severity), false),
            AlarmEventKind.Cleared => ($"Cleared (was {previous})", ChatColor.Cleared, false),
            AlarmEventKind.Acknowledged => ("Acknowledged", ChatColor.Neutral, true),
            AlarmEventKind.Unacknowledged => ("Unacknowledged", ChatColor.Neutral, true),
            _ => ("Comment", ChatColor.Neutral, true),
        };
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Node", alarm.Node),
            new("Type", alarm.Type),
        };
        if (!string.IsNullOrEmpty(alarm.Resource))
        {
            facts.Add(new("Resource", alarm.Resource));
        }
        facts.Add(new("Severity", e.Kind == AlarmEventKind.Cleared ? $"cleared (was {previous})" : severity));
        if (!string.IsNullOrEmpty(alarm.Group))
        {
            facts.Add(new("Group", alarm.Group));
        }
        var text = isShort ? e.Comment ?? string.Empty : alarm.Description;
        if (!isShort && !string.IsNullOrEmpty(e.Comment))
        {
            text = string.IsNullOrEmpty(text) ? e.Comment : $"{text}\n{e.Comment}";
        }
        return new ChatMessage($"{verb}: {alarm.Type} on {where}", $"{alarm.Type} on {where}", text, facts, link, color, e.Time, isShort);
    }

}
