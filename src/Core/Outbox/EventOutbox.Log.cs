using Microsoft.Extensions.Logging;

namespace Gateway.Core.Outbox;

public sealed partial class EventOutbox
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Exporter} is over its quota: {Dropped} notifications dropped so far, {OverQuota} alarm events kept beyond the quota; now {Events} events, {Bytes} bytes")]
    private partial void LogQuota(string exporter, long dropped, long overQuota, long events, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Exporter}: row {Sequence} could not be read back and was dead-lettered: {Reason}")]
    private partial void LogCorruptRow(string exporter, long sequence, string reason);
}
