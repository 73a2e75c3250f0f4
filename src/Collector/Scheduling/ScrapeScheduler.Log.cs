using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Scheduling;

public sealed partial class ScrapeScheduler
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Targets changed: {Added} added, {Removed} removed, {Changed} changed, {Total} scheduled")]
    private partial void LogTargetsChanged(int added, int removed, int changed, int total);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Target {Job}/{Instance} added ({Source} {Address})")]
    private partial void LogTargetAdded(string job, string instance, string source, string address);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Target {Job}/{Instance} removed")]
    private partial void LogTargetRemoved(string job, string instance);



    [LoggerMessage(EventId = 1105, Level = LogLevel.Error,
        Message = "Targets of group {Group} name source \"{Source}\", which is not registered; they are ignored")]
    private partial void LogUnknownSource(string group, string source);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug,
        Message = "Target {Job}/{Instance} of group {Group} is already scheduled by an earlier group; the first one wins")]
    private partial void LogDuplicateTarget(string job, string instance, string group);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Error,
        Message = "Target provider {Provider} failed; its last targets stay scheduled and it restarts in {Seconds}s")]
    private partial void LogProviderFailed(string provider, double seconds, Exception exception);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Error, Message = "Source {Source} threw while collecting {Job}/{Instance}")]
    private partial void LogSourceThrew(string source, string job, string instance, Exception exception);
}
