using Gateway.Core.Events;
using Gateway.Core.Export;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Gateway.Saas.Email;

/// <summary>
/// Alarm mails over SMTP (MailKit). Without a digest every event is one mail, sent in order over one SMTP
/// session per batch, stopping at the first failure (<c>delivered: i</c>). With <c>digest:</c> the batch
/// waits in the outbox — the exporter answers <i>retry after</i> the time left — until its window is
/// due, then goes as one mail. Failures map through <see cref="SmtpDelivery"/>; the outbox does every
/// retry. MailKit's protocol log stays off: it would print the AUTH exchange (the password, base64).
/// </summary>
public sealed partial class EmailExporter : IEventExporter
{
    private readonly EmailExporterOptions _options;
    private readonly SmtpEndpoint _endpoint;
    private readonly SecureSocketOptions _tls;
    private readonly EmailMessageFactory _messages;
    private readonly EmailDigestWindow? _digest;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string?[] _secrets;

    /// <param name="options">Validated options.</param>
    /// <param name="gatewayUrl">The link base when <c>gatewayUrl</c> is not set (<c>gateway.externalUrl</c>).</param>
    public EmailExporter(EmailExporterOptions options, TimeProvider time, ILogger<EmailExporter> logger, string? gatewayUrl = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (!EmailTls.TryParse(options.Tls, out _tls) || !SmtpEndpoint.TryParse(options.Smtp, EmailTls.DefaultPort(_tls), out var endpoint))
        {
            throw new ArgumentException("exporters.email.smtp or .tls is invalid", nameof(options));
        }
        _endpoint = endpoint;
        _messages = new EmailMessageFactory(options, gatewayUrl);
        _digest = options.Digest is { } period && period > TimeSpan.Zero ? new EmailDigestWindow(period, time) : null;
        _time = time;
        _logger = logger;
        _secrets = [options.Password];
    }

    public string Name => "email";

    /// <summary>Alarm events always; notifications and node events only when <c>events</c> names them (a mail per log line is rarely wanted).</summary>
    public bool Accepts(GatewayEvent e) => e.Alarm is not null || _options.Events is { Count: > 0 };

    public async ValueTask<DeliveryResult> DeliverAsync(IReadOnlyList<GatewayEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return DeliveryResult.Delivered;
        }
        if (_digest is not null)
        {
            var wait = _digest.WaitFor(batch);
            if (wait > TimeSpan.Zero)
            {
                LogDigestWaiting(batch.Count, _digest.Due!.Value);
                // Not a failure of the server: the outbox keeps the events (durably) until the digest is due.
                return DeliveryResult.Retry($"digest: {batch.Count} events wait for the next mail at {EmailFields.Time(_digest.Due!.Value)}", wait);
            }
        }

        using var client = new SmtpClient(); // no IProtocolLogger, on purpose (see the class remarks)
        client.Timeout = (int)Math.Min(_options.Timeout.TotalMilliseconds, int.MaxValue);
        var step = await RunStepAsync(token => ConnectAsync(client, token), 0, cancellationToken);
        if (step is not null)
        {
            return step;
        }
        try
        {
            if (_digest is not null)
            {
                var digest = _messages.ForDigest(batch, _time.GetUtcNow());
                step = await RunStepAsync(token => client.SendAsync(digest, token), 0, cancellationToken);
                if (step is not null)
                {
                    return step;
                }
                _digest.Sent(more: batch.Count >= _options.Outbox.MaxBatchEvents);
                LogDigestSent(batch.Count, digest.MessageId);
                return DeliveryResult.Delivered;
            }
            var started = _time.GetTimestamp();
            for (var i = 0; i < batch.Count; i++)
            {
                if (i > 0 && _time.GetElapsedTime(started) + _options.Timeout >= _options.Outbox.AttemptTimeout)
                {
                    // Another mail might outlast the attempt, which would send the ones above again: stop cleanly.
                    return DeliveryResult.Retry($"sent {i} of {batch.Count} mails within the attempt's time; the rest follows", TimeSpan.Zero, delivered: i);
                }
                var message = _messages.ForEvent(batch[i]);
                step = await RunStepAsync(token => client.SendAsync(message, token), i, cancellationToken);
                if (step is not null)
                {
                    return step;
                }
                LogSent(batch[i].Id, message.MessageId);
            }
            return DeliveryResult.Delivered;
        }
        finally
        {
            await QuitAsync(client);
        }
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(_endpoint.Host, _endpoint.Port, _tls, cancellationToken);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            await client.AuthenticateAsync(_options.Username, _options.Password ?? string.Empty, cancellationToken);
        }
    }

    /// <summary>Runs one SMTP step under <c>timeout</c>; null when it succeeded, else what it means for the batch.</summary>
    private async Task<DeliveryResult?> RunStepAsync(Func<CancellationToken, Task> step, int delivered, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await step(linked.Token).WaitAsync(linked.Token);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return SmtpDelivery.FromException(ex, delivered, timeout.IsCancellationRequested, _secrets, cancellationToken);
        }
    }

    // QUIT politely but briefly; a server that is gone already is no failure of a delivered batch.
    private async Task QuitAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }
        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
            await client.DisconnectAsync(true, quit.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException or System.Net.Sockets.SocketException or SmtpCommandException)
        {
        }
    }
}
