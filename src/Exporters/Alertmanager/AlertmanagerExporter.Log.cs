using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Alertmanager;

public sealed partial class AlertmanagerExporter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Alertmanager exporter {Exporter}: resending the firing alerts failed ({Reason}); trying again every resendInterval. Alertmanager resolves them after its resolve_timeout if this lasts.")]
    private partial void LogResendFailed(string exporter, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alertmanager exporter {Exporter}: resending the firing alerts works again")]
    private partial void LogResendRecovered(string exporter);
}
