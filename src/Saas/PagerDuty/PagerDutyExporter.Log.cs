using Microsoft.Extensions.Logging;

namespace Gateway.Saas.PagerDuty;

public sealed partial class PagerDutyExporter
{
    // The host only: a path or query of a proxy URL could carry a credential.
    [LoggerMessage(Level = LogLevel.Information, Message = "PagerDuty exporter: Events API v2 at {Endpoint} (change events: {ChangeEvents})")]
    private partial void LogStarted(string endpoint, bool changeEvents);
}
