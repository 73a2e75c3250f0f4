using Gateway.Core.Events;
using Gateway.Saas.Email;
using MimeKit;

namespace Gateway.Tests.Saas.Email;

public sealed class EmailMessageFactoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static EmailMessageFactory Factory(bool html = false, string? prefix = null) => new(
        new EmailExporterOptions
        {
            Smtp = "127.0.0.1:25",
            From = "Gateway <gateway@example.org>",
            To = ["ops@example.org", "Oncall <oncall@example.org>"],
            SubjectPrefix = prefix,
            Html = html,
        },
        "http://gw.example.org:9464/");

    [Fact]
    public void A_raise_mail_has_the_subject_headers_and_facts_of_the_alarm()
    {
        var raised = EmailTestEvents.Raised(EmailTestEvents.Alarm());

        var message = Factory(prefix: "[prod]").ForEvent(raised);

        Assert.Equal("[prod] [CRITICAL] raised: memory_high on rabbit@db1 (total)", message.Subject);
        Assert.Equal("\"Gateway\" <gateway@example.org>", message.From.ToString());
        Assert.Equal(["ops@example.org", "oncall@example.org"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(raised.Id.ToString("N") + ".gateway@example.org", message.MessageId);
        Assert.Equal("alarm.a1b2c3d4.gateway@example.org", message.InReplyTo);
        Assert.Equal(["alarm.a1b2c3d4.gateway@example.org"], message.References);
        Assert.Equal(T0, message.Date);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("a1b2c3d4", message.Headers["X-Gateway-Alarm-Id"]);
        Assert.Equal("raised", message.Headers["X-Gateway-Event"]);
        Assert.Equal(
            $"""
            [CRITICAL] raised: memory_high on rabbit@db1 (total)

            Severity:     CRITICAL
            Node:         rabbit@db1
            Type:         memory_high
            Resource:     total
            Description:  memory use above 90 %
            Value:        97.5 (threshold 90)
            Acknowledged: no
            Raised at:    2026-03-04 05:06:07 UTC
            Event at:     2026-03-04 05:06:07 UTC
            Alarm id:     a1b2c3d4
            Event id:     {raised.Id}
            Link:         http://gw.example.org:9464/api/v1/alarms/a1b2c3d4

            -- 
            Sent by Gateway (exporters.email)

            """.ReplaceLineEndings("\n"),
            message.TextBody!.ReplaceLineEndings("\n"));
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public void Every_mail_of_one_alarm_refers_to_the_same_thread_and_built_again_is_the_same_mail()
    {
        var alarm = EmailTestEvents.Alarm();
        var events = new[]
        {
            EmailTestEvents.Raised(alarm),
            EmailTestEvents.Changed(alarm, Severity.Major, T0.AddMinutes(1)),
            EmailTestEvents.Commented(alarm, "looking", T0.AddMinutes(2)),
            EmailTestEvents.Cleared(alarm, T0.AddMinutes(3)),
        };
        var factory = Factory();

        var messages = events.Select(factory.ForEvent).ToArray();

        Assert.All(messages, m => Assert.Equal("alarm.a1b2c3d4.gateway@example.org", m.InReplyTo));
        Assert.Equal(4, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(
        [
            "[CRITICAL] raised: memory_high on rabbit@db1 (total)",
            "[MAJOR] severity changed (was critical): memory_high on rabbit@db1 (total)",
            "[CRITICAL] comment: memory_high on rabbit@db1 (total)",
            "[CLEARED] cleared: memory_high on rabbit@db1 (total)",
        ], messages.Select(m => m.Subject));
        Assert.Contains("Comment:      looking", messages[2].TextBody, StringComparison.Ordinal);
        Assert.Contains("Previous severity: CRITICAL", messages[3].TextBody, StringComparison.Ordinal);
        var again = factory.ForEvent(events[3]);
        Assert.Equal(messages[3].MessageId, again.MessageId);
        Assert.Equal(messages[3].TextBody, again.TextBody);
    }

    [Fact]
    public void Html_adds_an_alternative_with_the_values_encoded()
    {
        var alarm = EmailTestEvents.Alarm() with { Description = "<script>alert(1)</script>" };

        var message = Factory(html: true).ForEvent(EmailTestEvents.Raised(alarm));

        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<script>", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_in_what_the_push_api_gave_cannot_add_a_header()
    {
        var alarm = EmailTestEvents.Alarm() with { Type = "disk\r\nBcc: evil@example.net", Resource = "/var\nX-Evil: 1" };

        var message = Factory().ForEvent(EmailTestEvents.Raised(alarm));
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        var text = System.Text.Encoding.UTF8.GetString(raw.ToArray());

        Assert.Equal("[CRITICAL] raised: disk  Bcc: evil@example.net on rabbit@db1 (/var X-Evil: 1)", message.Subject);
        Assert.DoesNotContain("\nBcc:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nX-Evil:", text, StringComparison.Ordinal);
        Assert.Empty(message.Bcc);
    }

    [Fact]
    public void Notifications_and_node_events_have_their_own_subjects()
    {
        var factory = Factory();

        var log = factory.ForEvent(EmailTestEvents.Notification("disk almost full\nsecond line", T0));
        var down = factory.ForEvent(EmailTestEvents.NodeDown("rabbit@db2", T0));

        Assert.Equal("[ERROR] notification from rabbit@db1: disk almost full", log.Subject);
        Assert.Null(log.InReplyTo);
        Assert.Contains("pid:      <0.42.0>", log.TextBody, StringComparison.Ordinal);
        Assert.Equal("[NODE DOWN] node rabbit@db2 is down (timeout)", down.Subject);
        Assert.Contains("http://gw.example.org:9464/api/v1/nodes", down.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_digest_lists_every_event_in_order_under_one_subject()
    {
        var a = EmailTestEvents.Alarm();
        var b = EmailTestEvents.Alarm(id: "feed01", node: "rabbit@db2", type: "disk_full", resource: "/var", severity: Severity.Major);
        var events = new[] { EmailTestEvents.Raised(a), EmailTestEvents.Raised(b), EmailTestEvents.Cleared(a, T0.AddMinutes(2)) };
        var factory = Factory();

        var digest = factory.ForDigest(events, T0.AddMinutes(5));

        Assert.Equal("[CRITICAL] digest: 3 events (2 raised, 1 cleared)", digest.Subject);
        Assert.Equal(factory.ForDigest(events, T0.AddMinutes(6)).MessageId, digest.MessageId);
        Assert.Null(digest.InReplyTo);
        var text = digest.TextBody!;
        var first = text.IndexOf("1. 2026-03-04 05:06:07 UTC  [CRITICAL] raised: memory_high on rabbit@db1 (total)", StringComparison.Ordinal);
        var second = text.IndexOf("2. 2026-03-04 05:06:07 UTC  [MAJOR] raised: disk_full on rabbit@db2 (/var)", StringComparison.Ordinal);
        var third = text.IndexOf("3. 2026-03-04 05:08:07 UTC  [CLEARED] cleared: memory_high on rabbit@db1 (total)", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first && third > second, text);
        Assert.Contains("   http://gw.example.org:9464/api/v1/alarms/feed01", text, StringComparison.Ordinal);
    }
}
