using Microsoft.Extensions.Logging;

namespace Gateway.Erlang.Distribution;

public sealed partial class DistributionConnection
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connection to {Node} closed ({Reason}): {Description}")]
    private static partial void LogClosed(ILogger logger, string node, ConnectionCloseReason reason, string description);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Dropped an undecodable {Length}-byte message from {Node}: {Error}")]
    private static partial void LogUndecodable(ILogger logger, string node, long length, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Handling a {Operation} signal from {Node} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string node, ControlOperation operation, Exception exception);
}
