using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Discovery;

public sealed partial class FileSdTargetProvider
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Error,
        Message = "file_sd file {Path} is invalid, keeping its previous {Count} targets: {Error}")]
    private partial void LogFileInvalid(string path, string error, int count);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "file_sd file {Path} is valid again ({Count} targets)")]
    private partial void LogFileValidAgain(string path, int count);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "file_sd file {Path} is gone; its targets are removed")]
    private partial void LogFileGone(string path);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "file_sd directory {Directory} cannot be listed: {Error}")]
    private partial void LogDirectoryUnreadable(string directory, string error);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning,
        Message = "Cannot watch file_sd directory {Directory} ({Error}); changes are picked up by the periodic re-read only")]
    private partial void LogWatcherFailed(string directory, string error);
}
