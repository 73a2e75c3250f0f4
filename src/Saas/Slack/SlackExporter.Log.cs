using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Slack;

public sealed partial class SlackExporter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack exporter: Slack refused a message ({Reason}); it is dead-lettered (GET /api/v1/exporters)")]
    private partial void LogRejected(string reason);
}
