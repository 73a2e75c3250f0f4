using Microsoft.Extensions.Logging;

namespace Gateway.Core.Nodes;

public sealed partial class NodeLifecycle
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Job}/{Instance} is up")]
    private partial void LogUp(string job, string instance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Job}/{Instance} is up again")]
    private partial void LogUpAgain(string job, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Job}/{Instance} is down ({Reason}): {Error}")]
    private partial void LogDown(string job, string instance, string reason, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Job}/{Instance} removed; {Cleared} alarm(s) cleared")]
    private partial void LogRemoved(string job, string instance, int cleared);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored the state of {Count} node(s) from the last run")]
    private partial void LogRestored(int count);
}
