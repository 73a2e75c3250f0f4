using Gateway.Core.Events;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Alarms;

public sealed partial class AlarmManager
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Active} active alarms; {Unrouted} alarm events left unrouted will be routed again")]
    private partial void LogRestored(int active, int unrouted);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alarm {Kind} {Severity} node={Node} type={Type} resource={Resource} id={Id}")]
    private partial void LogAlarmEvent(AlarmEventKind kind, Severity severity, string node, string type, string resource, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Startup grace over: cleared {Count} restored alarms that no evaluation confirmed")]
    private partial void LogUnconfirmedCleared(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} alarm history events")]
    private partial void LogPruned(int count);
}
