using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam;

public sealed partial class BeamEventForwarder
{
    [LoggerMessage(EventId = 1710, Level = LogLevel.Debug, Message = "Dropped an unexpected message in the BEAM log mailbox: {Message}")]
    private static partial void LogUnexpected(ILogger logger, string message);
}
