using Gateway.Core.Export;
using Gateway.Saas.Email;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Saas.Email;

/// <summary>The exporter against a real SMTP server (aiosmtpd): what arrives, and each failure's result.</summary>
public sealed class EmailExporterSmtpTests
{
    private const string Password = "s3cret-Passw0rd";
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly EmailTestLogger<EmailExporter> _log = new();

    private EmailExporter Exporter(string smtp, string? user = null, string? password = null, string to = "ops@example.org", string tls = "none") => new(
        new EmailExporterOptions
        {
            Smtp = smtp,
            Tls = tls,
            Username = user,
            Password = password,
            From = "Gateway <gateway@example.org>",
            To = [to],
        },
        _time,
        _log,
        "http://127.0.0.1:9464");

    [Fact]
    public async Task A_raise_and_a_clear_arrive_as_two_threaded_mails()
    {
        await using var smtp = await SmtpReceiver.StartAsync();
        var alarm = EmailTestEvents.Alarm();
        var raised = EmailTestEvents.Raised(alarm);
        var cleared = EmailTestEvents.Cleared(alarm, T0.AddMinutes(3));

        var result = await Exporter(smtp.Address).DeliverAsync([raised, cleared], CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        var mails = await smtp.WaitForMessagesAsync(2);
        Assert.Equal(2, mails.Count);
        Assert.Equal("[CRITICAL] raised: memory_high on rabbit@db1 (total)", mails[0].Subject);
        Assert.Equal("[CLEARED] cleared: memory_high on rabbit@db1 (total)", mails[1].Subject);
        Assert.Equal(raised.Id.ToString("N") + ".gateway@example.org", mails[0].MessageId);
        Assert.Equal(cleared.Id.ToString("N") + ".gateway@example.org", mails[1].MessageId);
        Assert.All(mails, m => Assert.Equal("alarm.a1b2c3d4.gateway@example.org", m.InReplyTo));
        Assert.All(mails, m => Assert.Equal(["alarm.a1b2c3d4.gateway@example.org"], m.References));
        Assert.All(mails, m => Assert.Equal("gateway@example.org", m.From.Mailboxes.Single().Address));
        Assert.All(mails, m => Assert.Equal("ops@example.org", m.To.Mailboxes.Single().Address));
        Assert.Equal(T0, mails[0].Date);
        foreach (var fact in new[] { "Node:         rabbit@db1", "Type:         memory_high", "Resource:     total", "Severity:     CRITICAL",
                     "Description:  memory use above 90 %", "Value:        97.5 (threshold 90)", "Raised at:    2026-03-04 05:06:07 UTC",
                     "Link:         http://127.0.0.1:9464/api/v1/alarms/a1b2c3d4" })
        {
            Assert.Contains(fact, mails[0].TextBody, StringComparison.Ordinal);
        }
        Assert.Contains("Previous severity: CRITICAL", mails[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_550_for_the_recipient_is_a_rejection_with_the_servers_text()
    {
        await using var smtp = await SmtpReceiver.StartAsync(rejectPrefixes: ["nobody"]);

        var result = await Exporter(smtp.Address, to: "nobody@example.org").DeliverAsync([EmailTestEvents.Raised(EmailTestEvents.Alarm())], CancellationToken.None);

        var reject = Assert.IsType<DeliveryResult.RejectedResult>(result);
        Assert.Equal("SMTP server answered 550 for recipient nobody@example.org: 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local recipient table", reject.Reason);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task A_451_for_the_recipient_is_a_retry_after_the_mails_before_it()
    {
        await using var smtp = await SmtpReceiver.StartAsync(tempfailPrefixes: ["busy"]);
        var ok = Exporter(smtp.Address);
        Assert.Equal(DeliveryResult.Delivered, await ok.DeliverAsync([EmailTestEvents.Raised(EmailTestEvents.Alarm())], CancellationToken.None));

        var result = await Exporter(smtp.Address, to: "busy@example.org").DeliverAsync([EmailTestEvents.Raised(EmailTestEvents.Alarm())], CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Equal("SMTP server answered 451 for recipient busy@example.org: 4.3.0 <busy@example.org>: Temporary lookup failure, try again later", retry.Reason);
        Assert.Null(retry.After);
    }

    [Fact]
    public async Task Starttls_required_but_not_offered_is_failing_not_a_fall_back_to_clear_text()
    {
        await using var smtp = await SmtpReceiver.StartAsync("gateway", Password);

        var result = await Exporter(smtp.Address, "gateway", Password, tls: "starttls").DeliverAsync([EmailTestEvents.Raised(EmailTestEvents.Alarm())], CancellationToken.None);

        var failing = Assert.IsType<DeliveryResult.FailingResult>(result);
        Assert.StartsWith("SMTP server does not support what the settings need: ", failing.Reason, StringComparison.Ordinal);
        Assert.Contains("STARTTLS", failing.Reason, StringComparison.Ordinal);
        Assert.Empty(smtp.AuthLog());
    }

    [Fact]
    public async Task A_wrong_password_is_failing_and_the_reason_and_log_hold_no_password()
    {
        await using var smtp = await SmtpReceiver.StartAsync("gateway", Password);

        var result = await Exporter(smtp.Address, "gateway", "wrong-" + Password).DeliverAsync([EmailTestEvents.Raised(EmailTestEvents.Alarm())], CancellationToken.None);

        var failing = Assert.IsType<DeliveryResult.FailingResult>(result);
        Assert.StartsWith("SMTP server refused the login: ", failing.Reason, StringComparison.Ordinal);
        Assert.Contains("535", failing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, _log.Text, StringComparison.Ordinal);
        Assert.Contains("fail gateway", smtp.AuthLog());
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Without_credentials_a_server_that_requires_auth_is_failing()
    {
        await using var smtp = await SmtpReceiver.StartAsync("gateway", Password);

        var result = await Exporter(smtp.Address).DeliverAsync([EmailTestEvents.Raised(EmailTestEvents.Alarm())], CancellationToken.None);

        var failing = Assert.IsType<DeliveryResult.FailingResult>(result);
        Assert.Equal("SMTP server answered 530: it requires a login (set username and password)", failing.Reason);
    }

    [Fact]
    public async Task The_right_password_delivers()
    {
        await using var smtp = await SmtpReceiver.StartAsync("gateway", Password);

        var result = await Exporter(smtp.Address, "gateway", Password).DeliverAsync([EmailTestEvents.Raised(EmailTestEvents.Alarm())], CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Contains("ok gateway", smtp.AuthLog());
    }

    [Fact]
    public async Task A_server_that_is_down_is_a_retry()
    {
        var smtp = await SmtpReceiver.StartAsync();
        var address = smtp.Address;
        await smtp.DisposeAsync();

        var result = await Exporter(address).DeliverAsync([EmailTestEvents.Raised(EmailTestEvents.Alarm())], CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryResult>(result);
        Assert.Equal("SMTP server unreachable (ConnectionRefused)", retry.Reason);
        Assert.Equal(0, retry.DeliveredCount);
    }

    [Fact]
    public async Task Node_events_and_notifications_are_accepted_only_when_events_names_them()
    {
        var exporter = Exporter("127.0.0.1:25");
        var listed = new EmailExporter(
            new EmailExporterOptions { Smtp = "127.0.0.1:25", From = "g@example.org", To = ["o@example.org"], Events = ["alarms", "node_down"] },
            _time,
            _log);

        Assert.True(exporter.Accepts(EmailTestEvents.Raised(EmailTestEvents.Alarm())));
        Assert.False(exporter.Accepts(EmailTestEvents.NodeDown("n@h", T0)));
        Assert.False(exporter.Accepts(EmailTestEvents.Notification("x", T0)));
        Assert.True(listed.Accepts(EmailTestEvents.NodeDown("n@h", T0)));
    }
}
