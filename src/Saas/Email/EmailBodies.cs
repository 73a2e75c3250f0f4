using System.Globalization;
using System.Net;
using System.Text;
using Gateway.Core.Events;

namespace Gateway.Saas.Email;

/// <summary>The plain-text and HTML bodies: one event's facts, or a digest listing every event in order.</summary>
public static class EmailBodies
{
    private const string Signature = "-- \nSent by Gateway (exporters.email)\n";

    public static string Plain(GatewayEvent e, string? gatewayUrl)
    {
        var text = new StringBuilder();
        text.Append(EmailSubjects.Line(e)).Append("\n\n");
        var fields = EmailFields.Of(e).ToList();
        if (EmailFields.LinkOf(e, gatewayUrl) is { } link)
        {
            fields.Add(("Link", link));
        }
        var width = fields.Max(f => f.Label.Length) + 2;
        foreach (var (label, value) in fields)
        {
            text.Append((label + ":").PadRight(width));
            text.Append(Indent(value, width)).Append('\n');
        }
        return text.Append('\n').Append(Signature).ToString();
    }

    public static string Html(GatewayEvent e, string? gatewayUrl)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        html.Append("<h3>").Append(Encode(EmailSubjects.Line(e))).Append("</h3>\n<table>\n");
        foreach (var (label, value) in EmailFields.Of(e))
        {
            html.Append("<tr><th align=\"left\" valign=\"top\">").Append(Encode(label))
                .Append("</th><td><pre style=\"margin:0;font-family:inherit;white-space:pre-wrap\">").Append(Encode(value)).Append("</pre></td></tr>\n");
        }
        html.Append("</table>\n");
        if (EmailFields.LinkOf(e, gatewayUrl) is { } link)
        {
            html.Append("<p><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(link)).Append("</a></p>\n");
        }
        return html.Append("<p><small>Sent by Gateway (exporters.email)</small></p>\n</body></html>\n").ToString();
    }

    public static string DigestPlain(IReadOnlyList<GatewayEvent> events, string? gatewayUrl)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{events.Count} {(events.Count == 1 ? "event" : "events")} since {EmailFields.Time(events.Min(e => e.Time))}: {Counts(events)}\n\n");
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture) + ". ";
            var indent = new string(' ', number.Length);
            text.Append(number).Append(EmailFields.Time(e.Time)).Append("  ").Append(EmailSubjects.Line(e)).Append('\n');
            if (Detail(e) is { Length: > 0 } detail)
            {
                text.Append(indent).Append(Indent(detail, indent.Length)).Append('\n');
            }
            if (EmailFields.LinkOf(e, gatewayUrl) is { } link)
            {
                text.Append(indent).Append(link).Append('\n');
            }
            text.Append('\n');
        }
        return text.Append(Signature).ToString();
    }

    public static string DigestHtml(IReadOnlyList<GatewayEvent> events, string? gatewayUrl)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        html.Append("<p>").Append(Encode(string.Create(CultureInfo.InvariantCulture,
            $"{events.Count} {(events.Count == 1 ? "event" : "events")} since {EmailFields.Time(events.Min(e => e.Time))}: {Counts(events)}"))).Append("</p>\n<ol>\n");
        foreach (var e in events)
        {
            html.Append("<li><b>").Append(Encode(EmailSubjects.Line(e))).Append("</b> <small>").Append(Encode(EmailFields.Time(e.Time))).Append("</small>");
            if (Detail(e) is { Length: > 0 } detail)
            {
                html.Append("<br>").Append(Encode(detail));
            }
            if (EmailFields.LinkOf(e, gatewayUrl) is { } link)
            {
                html.Append("<br><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(link)).Append("</a>");
            }
            html.Append("</li>\n");
        }
        return html.Append("</ol>\n<p><small>Sent by Gateway (exporters.email)</small></p>\n</body></html>\n").ToString();
    }

    /// <summary><c>2 raised, 1 cleared, 1 notification</c>, in lifecycle order.</summary>
    public static string Counts(IReadOnlyList<GatewayEvent> events) =>
        string.Join(", ", events.GroupBy(KindName).OrderBy(g => Rank(g.First())).Select(g => g.Count().ToString(CultureInfo.InvariantCulture) + " " + g.Key));

    private static string? Detail(GatewayEvent e)
    {
        if (e.Alarm is { } a)
        {
            var alarm = a.Alarm;
            var parts = new List<string> { alarm.Description };
            if (alarm.Value is { } value)
            {
                parts.Add("value " + value.ToString("G", CultureInfo.InvariantCulture)
                    + (alarm.Threshold is { } t ? " (threshold " + t.ToString("G", CultureInfo.InvariantCulture) + ")" : string.Empty));
            }
            if (a.Comment is { Length: > 0 } comment)
            {
                parts.Add("comment: " + comment);
            }
            return string.Join(" · ", parts.Where(p => p.Length > 0));
        }
        return e.Notification?.Message;
    }

    // "severity changed", "node up": the event names written as words.
    private static string KindName(GatewayEvent e) => EventNames.Of(e).Replace('_', ' ');

    private static int Rank(GatewayEvent e) => e.Alarm is { } a ? (int)a.Kind : e.Notification is not null ? 10 : 20 + (int)e.NodeChange!.Kind;

    private static string Indent(string value, int width) =>
        value.ReplaceLineEndings("\n").TrimEnd('\n').Replace("\n", "\n" + new string(' ', width), StringComparison.Ordinal);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
