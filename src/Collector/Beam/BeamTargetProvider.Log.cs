using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam;

public sealed partial class BeamTargetProvider
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Debug, Message = "No EPMD answers at {Host}:{Port} ({Reason}): no BEAM nodes from there")]
    private static partial void LogEpmdUnreachable(ILogger logger, string host, int port, string reason);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "collect.beam.fileSd: {Path} lists \"{Node}\", which is not name@host; ignored")]
    private static partial void LogBadFileSdNode(ILogger logger, string path, string node);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "collect.beam.fileSd: cannot read {Path}: {Reason}")]
    private static partial void LogFileSdUnreadable(ILogger logger, string path, string reason);
}
