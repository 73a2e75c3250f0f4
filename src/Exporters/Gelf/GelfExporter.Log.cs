using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Gelf;

public sealed partial class GelfExporter
{
    [LoggerMessage(Level = LogLevel.Information, Message = "GELF exporter sending to {Endpoint} (compression {Compression})")]
    private partial void LogSending(GelfEndpoint endpoint, GelfCompression compression);
}
