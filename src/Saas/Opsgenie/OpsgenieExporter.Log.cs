using Microsoft.Extensions.Logging;

namespace Gateway.Saas.Opsgenie;

public sealed partial class OpsgenieExporter
{
    // The host only: a path or query of a proxy URL could carry a credential.
    [LoggerMessage(Level = LogLevel.Information, Message = "Opsgenie exporter: Alert API at {Endpoint} ({Responders} responders configured)")]
    private partial void LogStarted(string endpoint, int responders);
}
