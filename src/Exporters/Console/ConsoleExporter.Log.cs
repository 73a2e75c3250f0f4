using Gateway.Core.Events;
using Microsoft.Extensions.Logging;

namespace Gateway.Exporters.Console;

public sealed partial class ConsoleExporter
{
    [LoggerMessage(Message = "alarm {Kind} {Severity} node={Node} type={Type} resource={Resource} id={Id}: {Description} {Comment}")]
    private partial void LogAlarm(LogLevel level, AlarmEventKind kind, Severity severity, string node, string type, string resource, string id, string description, string comment);

    [LoggerMessage(Message = "notification {Level} node={Node} source={Source}: {Message}")]
    private partial void LogNotification(LogLevel logLevel, string level, string node, string source, string message);

    [LoggerMessage(Message = "node {State} node={Node} {Reason}")]
    private partial void LogNode(LogLevel level, string state, string node, string reason);
}
