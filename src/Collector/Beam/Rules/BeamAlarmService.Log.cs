using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Beam.Rules;

public sealed partial class BeamAlarmService
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Built-in BEAM alarm evaluation of {Node} failed")]
    private partial void LogFailed(Exception exception, string node);
}
