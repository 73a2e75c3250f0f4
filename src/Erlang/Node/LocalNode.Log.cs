using Microsoft.Extensions.Logging;

namespace Gateway.Erlang.Node;

public sealed partial class LocalNode
{
    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Connected to {Node} (creation {Creation}, flags 0x{Flags:x})")]
    private static partial void LogConnected(ILogger logger, string node, uint creation, ulong flags);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Connecting to {Node} failed: {Error}")]
    private static partial void LogConnectFailed(ILogger logger, string node, string error);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "Connecting to {Node} failed again ({Failures} attempts in a row): {Error}")]
    private static partial void LogStillFailing(ILogger logger, string node, int failures, string error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "{Node} sent to the unregistered name {Name}; dropped")]
    private static partial void LogNoSuchName(ILogger logger, string node, string name);

    [LoggerMessage(EventId = 14, Level = LogLevel.Error, Message = "A {EventName} handler failed")]
    private static partial void LogHandlerFailed(ILogger logger, string eventName, Exception exception);
}
