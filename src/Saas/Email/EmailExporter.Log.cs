using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Email;

public sealed partial class EmailExporter
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "E-mail for event {EventId} sent as <{MessageId}>")]
    private partial void LogSent(Guid eventId, string? messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail digest of {Events} events sent as <{MessageId}>")]
    private partial void LogDigestSent(int events, string? messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "E-mail digest: {Events} events wait for the mail due at {Due}")]
    private partial void LogDigestWaiting(int events, DateTimeOffset due);
}
