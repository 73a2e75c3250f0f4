using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam;

public sealed partial class BeamSource
{
    [LoggerMessage(EventId = 1720, Level = LogLevel.Warning, Message = "no cookie: set collect.beam.cookie or ~/.erlang.cookie (looked in {CookieFile} and GATEWAY_BEAM_COOKIE); BEAM nodes cannot be collected")]
    private static partial void LogNoCookie(ILogger logger, string cookieFile);

    [LoggerMessage(EventId = 1721, Level = LogLevel.Information, Message = "Loaded gateway_agent v{Version} on {Node} (it had v{Previous}; 0 = none)")]
    private static partial void LogAgentLoaded(ILogger logger, string node, int version, long previous);

    [LoggerMessage(EventId = 1722, Level = LogLevel.Warning, Message = "gateway_agent cannot run on {Node}, collecting it without the agent: {Why}")]
    private static partial void LogAgentUnavailable(ILogger logger, string node, string why);

    [LoggerMessage(EventId = 1723, Level = LogLevel.Warning, Message = "Log forwarding on {Node} did not install cleanly: {Result}")]
    private static partial void LogForwarderNotInstalled(ILogger logger, string node, string result);

    [LoggerMessage(EventId = 1724, Level = LogLevel.Warning, Message = "A forwarded BEAM log or alarm could not be routed ({Type}: {Message})")]
    private static partial void LogForwardFailed(ILogger logger, string type, string message);

    [LoggerMessage(EventId = 1725, Level = LogLevel.Information, Message = "BEAM node {Node} is down ({Reason})")]
    private static partial void LogNodeDown(ILogger logger, string node, Gateway.Erlang.Distribution.ConnectionCloseReason reason);

    [LoggerMessage(EventId = 1726, Level = LogLevel.Debug, Message = "Removing the forwarder from {Node} failed: {Reason}")]
    private static partial void LogRemoveFailed(ILogger logger, string node, string reason);

    [LoggerMessage(EventId = 1727, Level = LogLevel.Information, Message = "Agent removed from {Node} on request ({What}); the node is collected without it")]
    private static partial void LogAgentRemoved(ILogger logger, string node, string what);

    [LoggerMessage(EventId = 1728, Level = LogLevel.Information, Message = "The log and alarm forwarder on {Node} was gone; installing it again")]
    private static partial void LogForwarderReinstalled(ILogger logger, string node);
}
