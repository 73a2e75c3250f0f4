using Gateway.Core.Events;
using Gateway.Core.Outbox;
using Gateway.Saas.Email;
using Gateway.Tests.Core.Outbox;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Gateway.Tests.Saas.Email;

/// <summary>
/// The exporter behind the real outbox and delivery loop (FakeTimeProvider, stepped by hand) and a real
/// SMTP server: outages, a wrong password fixed by a restart, rejections, and digests.
/// </summary>
public sealed class EmailOutboxTests : IDisposable
{
    private const string Password = "s3cret-Passw0rd";
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TestDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly OutboxOptions _outbox = new() { Jitter = 0, MaxBatchEvents = 500 };
    private readonly EmailTestLogger<EmailExporter> _exporterLog = new();
    private readonly EmailTestLogger<OutboxDelivery> _loopLog = new();

    public void Dispose() => _dir.Dispose();

    private EventOutbox OpenOutbox() => new("email", _dir.File("email.db"), _outbox, _time, _loopLog);

    private EmailExporter Exporter(string smtp, string? password = null, string to = "ops@example.org", TimeSpan? digest = null) => new(
        new EmailExporterOptions
        {
            Smtp = smtp,
            Tls = "none",
            Username = password is null ? null : "gateway",
            Password = password,
            From = "gateway@example.org",
            To = [to],
            Digest = digest,
            Outbox = _outbox,
        },
        _time,
        _exporterLog,
        "http://127.0.0.1:9464");

    private OutboxDelivery Loop(EmailExporter exporter, EventOutbox outbox) => new(exporter, outbox, _outbox, _time, _loopLog, new Random(7));

    /// <summary>Attempts until the outbox is empty, letting fake time pass by each step's delay.</summary>
    private async Task<List<DeliveryStep>> DrainAsync(OutboxDelivery loop)
    {
        var steps = new List<DeliveryStep>();
        for (var i = 0; i < 50; i++)
        {
            var step = await loop.DeliverOnceAsync(CancellationToken.None);
            if (step.Outcome == DeliveryOutcome.Idle)
            {
                return steps;
            }
            steps.Add(step);
            _time.Advance(step.Delay);
        }
        throw new InvalidOperationException("the outbox never drained: " + string.Join(", ", steps.Select(s => s.Outcome)));
    }

    private static string AlarmOf(MimeMessage m) => m.Headers["X-Gateway-Alarm-Id"]!;

    private static string EventOf(MimeMessage m) => m.Headers["X-Gateway-Event-Id"]!;

    [Fact]
    public async Task After_a_five_minute_outage_every_mail_arrives_in_order_per_alarm_and_none_twice()
    {
        var smtp = await SmtpReceiver.StartAsync();
        try
        {
            using var outbox = OpenOutbox();
            var a = EmailTestEvents.Alarm(at: T0);
            var b = EmailTestEvents.Alarm(id: "b0b0b0", node: "rabbit@db2", type: "disk_full", resource: "/var", severity: Severity.Major, at: T0);
            var first = new[] { EmailTestEvents.Raised(a), EmailTestEvents.Raised(b) };
            await outbox.AppendAsync(first);
            var loop = Loop(Exporter(smtp.Address), outbox);
            Assert.Equal(DeliveryOutcome.Delivered, (await loop.DeliverOnceAsync(CancellationToken.None)).Outcome);
            await smtp.WaitForMessagesAsync(2);

            await smtp.StopAsync();
            var during = new[]
            {
                EmailTestEvents.Changed(a, Severity.Major, T0.AddMinutes(1)),
                EmailTestEvents.Cleared(b, T0.AddMinutes(2)),
                EmailTestEvents.Cleared(a with { Severity = Severity.Major }, T0.AddMinutes(3)),
            };
            await outbox.AppendAsync(during);
            var waited = TimeSpan.Zero;
            while (waited < TimeSpan.FromMinutes(5))
            {
                var step = await loop.DeliverOnceAsync(CancellationToken.None);
                Assert.Equal(DeliveryOutcome.Retrying, step.Outcome);
                Assert.StartsWith("SMTP server unreachable", step.Reason, StringComparison.Ordinal);
                _time.Advance(step.Delay);
                waited += step.Delay;
            }
            Assert.Equal(3, outbox.Statistics.Depth);
            await smtp.StartAsync();

            await DrainAsync(loop);

            var mails = await smtp.WaitForMessagesAsync(5);
            Assert.Equal(first.Concat(during).Select(e => e.Id.ToString()), mails.Select(EventOf));
            Assert.Equal(5, mails.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(["raised", "severity_changed", "cleared"], mails.Where(m => AlarmOf(m) == "a1b2c3d4").Select(m => m.Headers["X-Gateway-Event"]));
            Assert.Equal(["raised", "cleared"], mails.Where(m => AlarmOf(m) == "b0b0b0").Select(m => m.Headers["X-Gateway-Event"]));
            Assert.Equal(0, outbox.Statistics.Depth);
        }
        finally
        {
            await smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_4xx_halfway_through_a_batch_keeps_what_went_through_and_sends_only_the_rest_again()
    {
        await using var smtp = await SmtpReceiver.StartAsync(tempfailOnce: ["disk_full"]);
        using var outbox = OpenOutbox();
        var a = EmailTestEvents.Alarm(at: T0);
        var b = EmailTestEvents.Alarm(id: "b0b0b0", node: "rabbit@db2", type: "disk_full", resource: "/var", severity: Severity.Major, at: T0);
        var events = new[] { EmailTestEvents.Raised(a), EmailTestEvents.Raised(b), EmailTestEvents.Cleared(a, T0.AddMinutes(1)) };
        await outbox.AppendAsync(events);

        var steps = await DrainAsync(Loop(Exporter(smtp.Address), outbox));

        Assert.Equal([DeliveryOutcome.Retrying, DeliveryOutcome.Delivered], steps.Select(s => s.Outcome));
        Assert.Equal(1, steps[0].Events);
        Assert.StartsWith("SMTP server answered 451 for the message: 4.3.0 Temporary failure", steps[0].Reason, StringComparison.Ordinal);
        var mails = await smtp.WaitForMessagesAsync(3);
        Assert.Equal(events.Select(e => e.Id.ToString()), mails.Select(EventOf));
        Assert.Equal(3, outbox.Statistics.Delivered);
    }

    [Fact]
    public async Task A_wrong_password_is_failing_until_a_restart_with_the_right_one_delivers_the_waiting_mails()
    {
        await using var smtp = await SmtpReceiver.StartAsync("gateway", Password);
        var alarm = EmailTestEvents.Alarm(at: T0);
        var events = new[] { EmailTestEvents.Raised(alarm), EmailTestEvents.Cleared(alarm, T0.AddMinutes(1)) };
        using (var outbox = OpenOutbox())
        {
            await outbox.AppendAsync(events);
            var loop = Loop(Exporter(smtp.Address, "not-" + Password), outbox);
            for (var i = 0; i < 3; i++)
            {
                var step = await loop.DeliverOnceAsync(CancellationToken.None);
                Assert.Equal(DeliveryOutcome.Failing, step.Outcome);
                _time.Advance(step.Delay);
            }
            Assert.True(outbox.Statistics.Failing);
            Assert.Equal(2, outbox.Statistics.Depth);
            Assert.Equal(0, await outbox.CountDeadLettersAsync());
            Assert.DoesNotContain(Password, outbox.Statistics.LastError!.Reason, StringComparison.Ordinal);
        }
        Assert.Empty(smtp.Messages());

        using (var outbox = OpenOutbox())
        {
            await DrainAsync(Loop(Exporter(smtp.Address, Password), outbox));
            Assert.False(outbox.Statistics.Failing);
        }

        var mails = await smtp.WaitForMessagesAsync(2);
        Assert.Equal(events.Select(e => e.Id.ToString()), mails.Select(EventOf));
        Assert.DoesNotContain(Password, _exporterLog.Text + _loopLog.Text, StringComparison.Ordinal);
        Assert.Contains("fail gateway", smtp.AuthLog());
        Assert.Contains("ok gateway", smtp.AuthLog());
    }

    [Fact]
    public async Task A_mail_the_server_rejects_with_550_is_dead_lettered_with_its_text()
    {
        await using var smtp = await SmtpReceiver.StartAsync(rejectPrefixes: ["nobody"]);
        using var outbox = OpenOutbox();
        var raised = EmailTestEvents.Raised(EmailTestEvents.Alarm(at: T0));
        await outbox.AppendAsync(raised);

        var steps = await DrainAsync(Loop(Exporter(smtp.Address, to: "nobody@example.org"), outbox));

        Assert.Equal([DeliveryOutcome.DeadLettered], steps.Select(s => s.Outcome));
        var letter = Assert.Single(await outbox.GetDeadLettersAsync(10));
        Assert.Equal(raised.Id, letter.EventId);
        Assert.StartsWith("SMTP server answered 550 for recipient nobody@example.org: 5.1.1", letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_holds_the_events_in_the_outbox_until_due_then_sends_them_all_in_one_mail()
    {
        await using var smtp = await SmtpReceiver.StartAsync();
        using var outbox = OpenOutbox();
        var loop = Loop(Exporter(smtp.Address, digest: TimeSpan.FromMinutes(5)), outbox);
        var a = EmailTestEvents.Alarm(at: T0);
        var b = EmailTestEvents.Alarm(id: "b0b0b0", node: "rabbit@db2", type: "disk_full", resource: "/var", severity: Severity.Major, at: T0.AddMinutes(1));
        var first = EmailTestEvents.Raised(a);
        await outbox.AppendAsync(first);

        var wait = await loop.DeliverOnceAsync(CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retrying, wait.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(5), wait.Delay);
        Assert.Equal("digest: 1 events wait for the next mail at 2026-03-04 05:11:07 UTC", wait.Reason);
        _time.Advance(TimeSpan.FromMinutes(1));
        var later = new[] { EmailTestEvents.Raised(b), EmailTestEvents.Cleared(a, T0.AddMinutes(2)) };
        await outbox.AppendAsync(later);
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(smtp.Messages());
        Assert.Equal(3, outbox.Statistics.Depth);

        var sent = await loop.DeliverOnceAsync(CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, sent.Outcome);
        Assert.Equal(3, sent.Events);
        var digest = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("[CRITICAL] digest: 3 events (2 raised, 1 cleared)", digest.Subject);
        Assert.Equal("3", digest.Headers["X-Gateway-Digest-Events"]);
        var text = digest.TextBody!;
        var order = new[] { "1. 2026-03-04 05:06:07 UTC  [CRITICAL] raised: memory_high", "2. 2026-03-04 05:07:07 UTC  [MAJOR] raised: disk_full", "3. 2026-03-04 05:08:07 UTC  [CLEARED] cleared: memory_high" }
            .Select(line => text.IndexOf(line, StringComparison.Ordinal)).ToArray();
        Assert.True(order[0] >= 0 && order[1] > order[0] && order[2] > order[1], text);
        Assert.Equal(0, outbox.Statistics.Depth);

        // The next event opens the next window: at least one period after the last digest.
        _time.Advance(TimeSpan.FromMinutes(1));
        await outbox.AppendAsync(EmailTestEvents.Cleared(b, _time.GetUtcNow()));
        var next = await loop.DeliverOnceAsync(CancellationToken.None);
        Assert.Equal(DeliveryOutcome.Retrying, next.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(5), next.Delay);
        _time.Advance(next.Delay);
        Assert.Equal(DeliveryOutcome.Delivered, (await loop.DeliverOnceAsync(CancellationToken.None)).Outcome);
        Assert.Equal("[DIGEST] digest: 1 event (1 cleared)", (await smtp.WaitForMessagesAsync(2))[1].Subject);
    }

    [Fact]
    public async Task A_digest_larger_than_a_batch_goes_in_several_mails_at_once()
    {
        _outbox.MaxBatchEvents = 2;
        await using var smtp = await SmtpReceiver.StartAsync();
        using var outbox = OpenOutbox();
        var events = Enumerable.Range(0, 5).Select(i => EmailTestEvents.Raised(EmailTestEvents.Alarm(id: "alarm" + i, type: "t" + i, at: T0))).ToArray();
        await outbox.AppendAsync(events);
        var loop = Loop(Exporter(smtp.Address, digest: TimeSpan.FromMinutes(5)), outbox);

        var steps = await DrainAsync(loop);

        Assert.Equal([DeliveryOutcome.Retrying, DeliveryOutcome.Delivered, DeliveryOutcome.Delivered, DeliveryOutcome.Delivered], steps.Select(s => s.Outcome));
        Assert.Equal(TimeSpan.FromMinutes(5), steps[0].Delay);
        var mails = await smtp.WaitForMessagesAsync(3);
        Assert.Equal(["2", "2", "1"], mails.Select(m => m.Headers["X-Gateway-Digest-Events"]));
    }

    [Fact]
    public async Task After_a_restart_events_waiting_longer_than_the_period_go_at_once()
    {
        await using var smtp = await SmtpReceiver.StartAsync();
        var alarm = EmailTestEvents.Alarm(at: T0);
        using (var outbox = OpenOutbox())
        {
            await outbox.AppendAsync([EmailTestEvents.Raised(alarm), EmailTestEvents.Cleared(alarm, T0.AddMinutes(1))]);
            var step = await Loop(Exporter(smtp.Address, digest: TimeSpan.FromMinutes(5)), outbox).DeliverOnceAsync(CancellationToken.None);
            Assert.Equal(DeliveryOutcome.Retrying, step.Outcome);
        }

        // "Crash": the exporter's window is gone with the process; the events are still in the outbox.
        _time.Advance(TimeSpan.FromMinutes(10));
        using (var outbox = OpenOutbox())
        {
            var step = await Loop(Exporter(smtp.Address, digest: TimeSpan.FromMinutes(5)), outbox).DeliverOnceAsync(CancellationToken.None);
            Assert.Equal(DeliveryOutcome.Delivered, step.Outcome);
        }

        Assert.Equal("[CRITICAL] digest: 2 events (1 raised, 1 cleared)", Assert.Single(await smtp.WaitForMessagesAsync(1)).Subject);
    }
}
