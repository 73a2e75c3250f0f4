using Microsoft.Extensions.Logging;

namespace Gateway.Saas.SplunkHec;

public sealed partial class SplunkHecExporter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Splunk HEC exporter: ack is enabled but HEC answered without an ackId (indexer acknowledgement is off on the token); events count as delivered when HEC accepts them")]
    private partial void LogNoAckId();
}
