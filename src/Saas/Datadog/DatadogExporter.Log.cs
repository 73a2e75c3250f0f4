using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Datadog;

public sealed partial class DatadogExporter
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Datadog exporter: metric series are accepted again")]
    private partial void LogMetricsRecovered();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Datadog exporter: {Count} series larger than Datadog's payload limit were not sent")]
    private partial void LogSeriesTooLarge(int count);
}
