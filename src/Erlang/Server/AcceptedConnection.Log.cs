using Microsoft.Extensions.Logging;

namespace Gateway.Erlang.Server;

public sealed partial class AcceptedConnection
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The RPC handler failed for {Module}:{Function}/{Arity}")]
    private static partial void LogHandlerFailed(ILogger logger, string module, string function, int arity, Exception exception);
}
