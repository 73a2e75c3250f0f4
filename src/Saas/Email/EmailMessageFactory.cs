using System.Globalization;
using Gateway.Core.Events;
using MimeKit;

namespace Gateway.Saas.Email;

/// <summary>
/// Builds the MIME messages: one per event (threaded per alarm) or one digest. A message built again
/// for the same event is the same message (same Message-ID, Date = the event's time), so a mail sent
/// again after a crash is recognisably the same one.
/// </summary>
public sealed class EmailMessageFactory
{
    private readonly MailboxAddress _from;
    private readonly IReadOnlyList<MailboxAddress> _to;
    private readonly string? _subjectPrefix;
    private readonly string? _gatewayUrl;
    private readonly bool _html;

    public EmailMessageFactory(EmailExporterOptions options, string? gatewayUrl)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!EmailAddresses.TryParse(options.From, out var from))
        {
            throw new ArgumentException("exporters.email.from is not an e-mail address", nameof(options));
        }
        _from = from;
        _to = [.. options.To.Select(t => EmailAddresses.TryParse(t, out var to) ? to : throw new ArgumentException("exporters.email.to holds a bad address", nameof(options)))];
        _subjectPrefix = options.SubjectPrefix;
        _gatewayUrl = options.GatewayUrl ?? gatewayUrl;
        _html = options.Html;
        Ids = new EmailMessageIds(from.Domain);
    }

    public EmailMessageIds Ids { get; }

    /// <summary>The mail of one event.</summary>
    public MimeMessage ForEvent(GatewayEvent e)
    {
        var message = NewMessage(EmailSubjects.WithPrefix(_subjectPrefix, EmailSubjects.Line(e)), e.Time);
        message.MessageId = Ids.ForEvent(e);
        message.Headers.Add("X-Gateway-Event-Id", e.Id.ToString());
        message.Headers.Add("X-Gateway-Event", EventNames.Of(e));
        if (e.Alarm is { } a)
        {
            var root = Ids.ThreadOf(a.Alarm);
            message.InReplyTo = root;
            message.References.Add(root);
            message.Headers.Add("X-Gateway-Alarm-Id", a.Alarm.Id);
            message.Headers.Add("X-Gateway-Severity", EmailSubjects.Tag(e).ToLowerInvariant());
        }
        message.Body = Body(EmailBodies.Plain(e, _gatewayUrl), _html ? EmailBodies.Html(e, _gatewayUrl) : null);
        return message;
    }

    /// <summary>One mail listing <paramref name="events"/> in order, dated <paramref name="now"/>.</summary>
    public MimeMessage ForDigest(IReadOnlyList<GatewayEvent> events, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        var subject = string.Create(CultureInfo.InvariantCulture,
            $"[{DigestTag(events)}] digest: {events.Count} {(events.Count == 1 ? "event" : "events")} ({EmailBodies.Counts(events)})");
        var message = NewMessage(EmailSubjects.WithPrefix(_subjectPrefix, subject), now);
        message.MessageId = Ids.ForDigest(events);
        message.Headers.Add("X-Gateway-Digest-Events", events.Count.ToString(CultureInfo.InvariantCulture));
        message.Body = Body(EmailBodies.DigestPlain(events, _gatewayUrl), _html ? EmailBodies.DigestHtml(events, _gatewayUrl) : null);
        return message;
    }

    private MimeMessage NewMessage(string subject, DateTimeOffset date)
    {
        var message = new MimeMessage { Subject = EmailSubjects.OneLine(subject), Date = date };
        message.From.Add(_from);
        message.To.AddRange(_to);
        // RFC 3834: machine-made, so auto-responders (vacation replies) stay quiet.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private static MimeEntity Body(string text, string? html)
    {
        var plain = new TextPart("plain") { Text = text };
        if (html is null)
        {
            return plain;
        }
        var alternative = new MultipartAlternative { plain, new TextPart("html") { Text = html } };
        return alternative;
    }

    private static string DigestTag(IReadOnlyList<GatewayEvent> events)
    {
        var highest = events.Where(e => e.Alarm is { Kind: not AlarmEventKind.Cleared }).Select(e => e.Alarm!.Alarm.Severity).DefaultIfEmpty(Severity.Cleared).Max();
        return highest > Severity.Cleared ? EmailSubjects.SeverityName(highest) : "DIGEST";
    }
}
