using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using Gateway.Core.Export;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Gateway.Saas.Email;

/// <summary>
/// The one mapping of an SMTP failure onto a <see cref="DeliveryResult"/> (the SMTP twin of
/// <see cref="HttpDelivery"/>): 4xx replies, connection errors and timeouts → retry; a refused login
/// (530/534/535/538) or a refused sender → <see cref="DeliveryResult.Failing"/> (the exporter's own
/// settings are wrong: nothing is dead-lettered, the events wait); a permanent 5xx about a recipient or
/// the message (550, 552, 553, 554 …) → rejected and dead-lettered with the server's text. Reasons hold
/// the reply code and the server's text (masked), never the password.
/// </summary>
public static class SmtpDelivery
{
    /// <param name="delivered">Mails of the batch that went through before this failure.</param>
    /// <param name="timedOut">The exporter's own per-step timeout fired (not the caller's token).</param>
    /// <param name="secrets">Values to mask should the server echo them.</param>
    /// <param name="cancellationToken">The attempt's token: its cancellation is rethrown, not mapped.</param>
    public static DeliveryResult FromException(
        Exception exception,
        int delivered = 0,
        bool timedOut = false,
        IEnumerable<string?>? secrets = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested && !timedOut)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }
        string Text(string message) => HttpDelivery.Clean(message, secrets);
        return exception switch
        {
            SmtpCommandException command => FromReply(command, delivered, Text(command.Message)),
            ServiceNotAuthenticatedException => DeliveryResult.Failing("SMTP server answered 530: it requires a login (set username and password)", delivered),
            AuthenticationException auth => DeliveryResult.Failing("SMTP server refused the login: " + Text(auth.Message), delivered),
            SslHandshakeException => DeliveryResult.Failing("TLS handshake with the SMTP server failed (its certificate is not trusted, or tls: does not match the port)", delivered),
            // STARTTLS not offered although tls: starttls, or no AUTH mechanism offered: settings, not weather.
            NotSupportedException unsupported => DeliveryResult.Failing("SMTP server does not support what the settings need: " + Text(unsupported.Message), delivered),
            OperationCanceledException or TimeoutException => DeliveryResult.Retry("SMTP server did not answer in time", delivered: delivered),
            SocketException socket => DeliveryResult.Retry($"SMTP server unreachable ({socket.SocketErrorCode})", delivered: delivered),
            SmtpProtocolException protocol => DeliveryResult.Retry("SMTP session broke off: " + Text(protocol.Message), delivered: delivered),
            IOException { InnerException: SocketException inner } => DeliveryResult.Retry($"SMTP connection lost ({inner.SocketErrorCode})", delivered: delivered),
            IOException or ServiceNotConnectedException => DeliveryResult.Retry("SMTP connection lost", delivered: delivered),
            _ => DeliveryResult.Retry("SMTP delivery failed: " + exception.GetType().Name, delivered: delivered),
        };
    }

    /// <summary>How a reply code is treated; <paramref name="about"/> says what the server refused.</summary>
    public static SmtpFailure Classify(int code, SmtpErrorCode about) => code switch
    {
        >= 400 and < 500 => SmtpFailure.Retry,
        530 or 534 or 535 or 538 => SmtpFailure.Refused,
        >= 500 when about is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted => SmtpFailure.Reject,
        _ => SmtpFailure.Refused,
    };

    private static DeliveryResult FromReply(SmtpCommandException command, int delivered, string text)
    {
        var code = (int)command.StatusCode;
        var what = command.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => " for recipient " + command.Mailbox?.Address,
            SmtpErrorCode.SenderNotAccepted => " for sender " + command.Mailbox?.Address,
            SmtpErrorCode.MessageNotAccepted => " for the message",
            _ => string.Empty,
        };
        var reason = $"SMTP server answered {code}{what}" + (text.Length > 0 ? ": " + text : string.Empty);
        return Classify(code, command.ErrorCode) switch
        {
            SmtpFailure.Retry => DeliveryResult.Retry(reason, delivered: delivered),
            SmtpFailure.Reject => DeliveryResult.Reject(reason, delivered),
            _ => DeliveryResult.Failing(reason, delivered),
        };
    }
}
