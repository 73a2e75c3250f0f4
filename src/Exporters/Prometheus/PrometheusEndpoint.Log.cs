using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Prometheus;

internal static partial class PrometheusEndpoint
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Rendering /metrics failed")]
    private static partial void RenderFailed(ILogger logger, Exception exception);
}
