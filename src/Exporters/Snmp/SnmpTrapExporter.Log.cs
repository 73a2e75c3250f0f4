using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Snmp;

public sealed partial class SnmpTrapExporter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "SNMP exporter {Exporter}: cannot resolve {Host}: {Error}")]
    private partial void LogResolveFailed(string exporter, string host, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SNMP exporter {Exporter}: cannot open a UDP socket to the destination: {Error}")]
    private partial void LogSocketFailed(string exporter, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "SNMP exporter {Exporter}: the receiver refused an inform ({Error}); check the destination's credentials. The event is dead-lettered.")]
    private partial void LogRefused(string exporter, string error);
}
