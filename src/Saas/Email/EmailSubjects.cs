using System.Globalization;
using Gateway.Core.Events;

namespace Gateway.Saas.Email;

/// <summary>
/// One line per event, the subject of its mail and its line in a digest:
/// <c>[CRITICAL] raised: memory_high on rabbit@db1 (/var)</c>.
/// </summary>
public static class EmailSubjects
{
    private const int MaxMessage = 100;

    /// <summary>
    /// <c>[TAG] what: about</c>, without the configured prefix; always one line (node, type and resource
    /// come from outside, through the push API, and must not start a header or a body line of their own).
    /// </summary>
    public static string Line(GatewayEvent e) => OneLine("[" + Tag(e) + "] " + Summary(e));

    /// <summary>Control characters (line breaks) as spaces.</summary>
    public static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));

    /// <summary>The bracketed tag: the alarm's severity (<c>CLEARED</c> for a clear), the log level, or the node's state.</summary>
    public static string Tag(GatewayEvent e)
    {
        if (e.Alarm is { } a)
        {
            return SeverityName(a.Kind == AlarmEventKind.Cleared ? Severity.Cleared : a.Alarm.Severity);
        }
        if (e.Notification is { } n)
        {
            return n.Level.ToUpperInvariant();
        }
        return e.NodeChange!.Kind switch
        {
            NodeEventKind.Up => "NODE UP",
            NodeEventKind.Down => "NODE DOWN",
            _ => "NODE REMOVED",
        };
    }

    /// <summary>What happened to what: <c>raised: memory_high on rabbit@db1 (/var)</c>.</summary>
    public static string Summary(GatewayEvent e)
    {
        if (e.Alarm is { } a)
        {
            return KindText(a) + ": " + AlarmName(a.Alarm);
        }
        if (e.Notification is { } n)
        {
            return "notification from " + n.Node + ": " + FirstLine(n.Message);
        }
        var node = e.NodeChange!;
        return node.Kind switch
        {
            NodeEventKind.Up => "node " + node.Node + " is up",
            NodeEventKind.Down => "node " + node.Node + " is down" + (node.Reason is { Length: > 0 } r ? " (" + r + ")" : string.Empty),
            _ => "node " + node.Node + " left discovery",
        };
    }

    /// <summary><c>memory_high on rabbit@db1 (/var)</c>; the resource is left out when empty.</summary>
    public static string AlarmName(Alarm alarm) =>
        alarm.Type + " on " + alarm.Node + (string.IsNullOrEmpty(alarm.Resource) ? string.Empty : " (" + alarm.Resource + ")");

    public static string KindText(AlarmEvent e) => e.Kind switch
    {
        AlarmEventKind.Raised => "raised",
        AlarmEventKind.SeverityChanged => "severity changed (was " + SeverityName(e.PreviousSeverity).ToLowerInvariant() + ")",
        AlarmEventKind.Cleared => "cleared",
        AlarmEventKind.Acknowledged => "acknowledged",
        AlarmEventKind.Unacknowledged => "unacknowledged",
        _ => "comment",
    };

    public static string SeverityName(Severity severity) => severity.ToString().ToUpperInvariant();

    /// <summary>The configured prefix, a space, the line; the whole as one header line.</summary>
    public static string WithPrefix(string? prefix, string line) =>
        string.IsNullOrWhiteSpace(prefix) ? line : prefix.Trim() + " " + line;

    internal static string FirstLine(string text)
    {
        var line = text.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        if (end >= 0)
        {
            line = line[..end].TrimEnd();
        }
        return line.Length > MaxMessage
            ? string.Create(CultureInfo.InvariantCulture, $"{line[..MaxMessage]}…")
            : line.ToString();
    }
}
