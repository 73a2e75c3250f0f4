using Microsoft.Extensions.Logging;

namespace Gateway.Core.Outbox;

public sealed partial class OutboxDelivery
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Exporter {Exporter}: {Events} events not delivered, retrying in {Delay}: {Reason}")]
    private partial void LogRetry(string exporter, int events, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Exporter {Exporter} threw while delivering; treated as retry")]
    private partial void LogExporterThrew(Exception exception, string exporter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Exporter {Exporter}: breaker open after {Failures} failures in a row: {Reason}")]
    private partial void LogBreakerOpen(string exporter, long failures, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exporter {Exporter}: breaker closed, delivering again")]
    private partial void LogBreakerClosed(string exporter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exporter {Exporter} rejected a batch of {Events}; retrying one by one to isolate the bad events: {Reason}")]
    private partial void LogIsolating(string exporter, int events, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Exporter {Exporter} rejected event {EventId}; dead-lettered: {Reason}")]
    private partial void LogDeadLettered(string exporter, Guid eventId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exporter {Exporter}: delivering {Events} events took longer than {Timeout}; cancelled, will retry")]
    private partial void LogAttemptTimedOut(string exporter, int events, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox of exporter {Exporter} failed; retrying in {Delay}")]
    private partial void LogStorageFailure(Exception exception, string exporter, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Exporter {Exporter} is failing: the peer refuses it ({Reason}); {Events} events wait in the outbox, tried again every {Delay} — fix the key or token and restart the gateway")]
    private partial void LogFailing(string exporter, int events, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exporter {Exporter} is up again: the peer accepts it")]
    private partial void LogRecovered(string exporter);
}
