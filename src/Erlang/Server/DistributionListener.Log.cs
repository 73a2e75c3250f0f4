using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Gateway.Erlang.Server;

public sealed partial class DistributionListener
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Node} accepted a connection from {Peer}")]
    private static partial void LogAccepted(ILogger logger, string node, string peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Node} refused a connection during the handshake: {Reason}")]
    private static partial void LogHandshakeFailed(ILogger logger, string node, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Node} failed to accept a connection ({Error})")]
    private static partial void LogAcceptFailed(ILogger logger, string node, SocketError error);
}
