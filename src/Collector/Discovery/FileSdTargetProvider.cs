using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Gateway.Collector.Discovery;

/// <summary>
/// Prometheus file_sd: the targets listed in JSON files matched by glob patterns, kept up to date while the
/// gateway runs. Files are re-read when a <see cref="FileSystemWatcher"/> reports a change in their directory
/// (after a short debounce, so a burst of writes is read once) and every <c>refreshInterval</c> in any case
/// (watchers miss events on network file systems and cannot watch a directory that does not exist yet).
/// A file that cannot be read or parsed keeps its previous targets; its error is logged once (and again only
/// when it changes) and shown in <see cref="FileErrors"/>. A deleted file's targets go away.
/// </summary>
public sealed partial class FileSdTargetProvider : ITargetProvider
{
    /// <summary>A file larger than this is rejected rather than read (a file_sd file is a short list).</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    private readonly string _groupKey;
    private readonly (string Directory, string Pattern)[] _patterns;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _debounce;
    private readonly Func<string, IReadOnlyDictionary<string, string>, ScrapeTarget> _createTarget;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, FileState> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _errors = new(StringComparer.Ordinal);

    /// <param name="name">For logs.</param>
    /// <param name="groupKey">Key of the one <see cref="TargetGroup"/> this provider yields (all files merged).</param>
    /// <param name="patterns">Paths or globs (wildcards <c>*</c> and <c>?</c> in the file name only).</param>
    /// <param name="baseDirectory">Relative patterns resolve against it (the config file's directory).</param>
    /// <param name="refreshInterval">Re-read period without file-system events.</param>
    /// <param name="createTarget">Builds a target from a file entry and its group's labels; throws
    /// <see cref="FormatException"/> for an invalid entry (the whole file is then rejected).</param>
    /// <param name="timeProvider">Clock for the refresh period and the debounce.</param>
    /// <param name="logger">Logs file errors once per distinct error.</param>
    /// <param name="debounce">Wait after a file-system event before reading; 250 ms when null.</param>
    public FileSdTargetProvider(
        string name,
        string groupKey,
        IEnumerable<string> patterns,
        string baseDirectory,
        TimeSpan refreshInterval,
        Func<string, IReadOnlyDictionary<string, string>, ScrapeTarget> createTarget,
        TimeProvider timeProvider,
        ILogger logger,
        TimeSpan? debounce = null)
    {
        Name = name;
        _groupKey = groupKey;
        _patterns = patterns.Select(p => SplitPattern(p, baseDirectory)).Distinct().ToArray();
        _refreshInterval = refreshInterval;
        _debounce = debounce ?? TimeSpan.FromMilliseconds(250);
        _createTarget = createTarget;
        _time = timeProvider;
        _logger = logger;
    }

    public string Name { get; }

    /// <summary>The current error of every file that is rejected right now (full path → message).</summary>
    public IReadOnlyDictionary<string, string> FileErrors => _errors;

    public async IAsyncEnumerable<TargetGroup> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var watchers = new Dictionary<string, FileSystemWatcher>(StringComparer.Ordinal);
        try
        {
            IReadOnlyList<ScrapeTarget>? last = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                EnsureWatchers(watchers, changed.Writer);
                var targets = ReadAll();
                if (last is null || !last.SequenceEqual(targets))
                {
                    last = targets;
                    yield return new TargetGroup(_groupKey, targets);
                }
                await WaitForChangeAsync(changed.Reader, cancellationToken);
            }
        }
        finally
        {
            foreach (var watcher in watchers.Values)
            {
                watcher.Dispose();
            }
        }
    }

    private async Task WaitForChangeAsync(ChannelReader<bool> changed, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fileEvent = changed.WaitToReadAsync(wait.Token).AsTask();
        var refresh = Task.Delay(_refreshInterval, _time, wait.Token);
        await Task.WhenAny(fileEvent, refresh);
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (fileEvent.IsCompletedSuccessfully)
        {
            // Editors and generators write in several steps; read once the burst is over.
            await Task.Delay(_debounce, _time, cancellationToken);
            while (changed.TryRead(out _))
            {
            }
        }
    }

    private List<ScrapeTarget> ReadAll()
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (directory, pattern) in _patterns)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }
            try
            {
                foreach (var path in Directory.EnumerateFiles(directory, pattern, EnumerationOptions))
                {
                    paths.Add(path);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The directory vanished or is unreadable between the check and the listing: next round.
                LogDirectoryUnreadable(directory, ex.Message);
            }
        }

        foreach (var gone in _files.Keys.Where(p => !paths.Contains(p)).ToArray())
        {
            _files.Remove(gone);
            if (_errors.TryRemove(gone, out _))
            {
                LogFileGone(gone);
            }
        }

        var targets = new List<ScrapeTarget>();
        var seen = new HashSet<Gateway.Core.Nodes.NodeKey>();
        foreach (var path in paths)
        {
            foreach (var target in ReadFile(path))
            {
                if (seen.Add(target.Node))
                {
                    targets.Add(target);
                }
            }
        }
        return targets;
    }

    private IReadOnlyList<ScrapeTarget> ReadFile(string path)
    {
        _files.TryGetValue(path, out var previous);
        try
        {
            var bytes = ReadBytes(path);
            var groups = FileSdParser.Parse(bytes);
            var targets = new List<ScrapeTarget>();
            for (var g = 0; g < groups.Count; g++)
            {
                for (var t = 0; t < groups[g].Targets.Count; t++)
                {
                    try
                    {
                        targets.Add(_createTarget(groups[g].Targets[t], groups[g].Labels));
                    }
                    catch (FormatException ex)
                    {
                        throw new FormatException($"[{g}].targets[{t}]: {ex.Message}", ex);
                    }
                }
            }
            _files[path] = new FileState(targets);
            if (_errors.TryRemove(path, out _))
            {
                LogFileValidAgain(path, targets.Count);
            }
            return targets;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            if (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Deleted between listing and reading: same as gone.
                _files.Remove(path);
                _errors.TryRemove(path, out _);
                return [];
            }
            var message = ex.Message;
            if (!_errors.TryGetValue(path, out var known) || known != message)
            {
                _errors[path] = message;
                LogFileInvalid(path, message, previous?.Targets.Count ?? 0);
            }
            return previous?.Targets ?? [];
        }
    }

    private static byte[] ReadBytes(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length > MaxFileBytes)
        {
            throw new FormatException($"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB");
        }
        var buffer = new byte[stream.Length];
        stream.ReadExactly(buffer);
        return buffer;
    }

    private void EnsureWatchers(Dictionary<string, FileSystemWatcher> watchers, ChannelWriter<bool> changed)
    {
        foreach (var (directory, _) in _patterns)
        {
            if (watchers.ContainsKey(directory) || !Directory.Exists(directory))
            {
                continue;
            }
            try
            {
                // Watch every name in the directory: generators often write a temporary file and rename it
                // over the real one, and the rename must wake us whatever the temporary name was.
                var watcher = new FileSystemWatcher(directory)
                {
                    IncludeSubdirectories = false,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                FileSystemEventHandler onChange = (_, _) => changed.TryWrite(true);
                watcher.Changed += onChange;
                watcher.Created += onChange;
                watcher.Deleted += onChange;
                watcher.Renamed += (_, _) => changed.TryWrite(true);
                watcher.Error += (_, _) => changed.TryWrite(true);
                watcher.EnableRaisingEvents = true;
                watchers[directory] = watcher;
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                // E.g. the inotify instance limit: the periodic re-read still picks changes up.
                LogWatcherFailed(directory, ex.Message);
            }
        }
    }

    private static (string Directory, string Pattern) SplitPattern(string pattern, string baseDirectory)
    {
        var full = Path.GetFullPath(pattern, baseDirectory);
        var directory = Path.GetDirectoryName(full) ?? full;
        var file = Path.GetFileName(full);
        return (directory, string.IsNullOrEmpty(file) ? "*" : file);
    }

    private static readonly EnumerationOptions EnumerationOptions = new()
    {
        MatchType = MatchType.Simple,
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
    };

    private sealed record FileState(IReadOnlyList<ScrapeTarget> Targets);
}
