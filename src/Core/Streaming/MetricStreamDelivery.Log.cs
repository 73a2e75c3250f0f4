using Microsoft.Extensions.Logging;

namespace Gateway.Core.Streaming;

public sealed partial class MetricStreamDelivery
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Exporter {Exporter}: exporting {Snapshots} node snapshots failed; they are dropped (counted), later failures are not logged until one succeeds")]
    private partial void LogExportFailed(Exception exception, string exporter, int snapshots);
}
