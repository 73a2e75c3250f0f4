using System.Net;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Snmp;

public sealed partial class SnmpAgentService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "SNMP agent listening on udp:{EndPoint} (v2c {V2c}, {Users} v3 users, engine ID {EngineId})")]
    private partial void LogListening(IPEndPoint endPoint, string v2c, int users, string engineId);

    [LoggerMessage(Level = LogLevel.Error, Message = "SNMP agent: refreshing the tables failed; the previous tables stay served")]
    private partial void LogRefreshFailed(Exception error);
}
