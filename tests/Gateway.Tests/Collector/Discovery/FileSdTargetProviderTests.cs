using Gateway.Collector;
using Gateway.Collector.Discovery;
using Gateway.Collector.PrometheusText;
using Gateway.Tests.Collector.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Collector.Discovery;

public sealed class FileSdTargetProviderTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string _dir = Directory.CreateTempSubdirectory("gateway-filesd-").FullName;
    private readonly CancellationTokenSource _cts = new();

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private FileSdTargetProvider CreateProvider(string pattern, TimeSpan refresh)
    {
        var factory = new PrometheusTargetFactory(new PrometheusJobOptions { Job = "discovered" }, new CollectOptions());
        return new FileSdTargetProvider(
            "test", "prometheus/file_sd/discovered", [pattern], _dir, refresh, factory.Create,
            TimeProvider.System, NullLogger.Instance, debounce: TimeSpan.FromMilliseconds(50));
    }

    private static async Task<TargetGroup> NextAsync(IAsyncEnumerator<TargetGroup> updates)
    {
        Assert.True(await updates.MoveNextAsync().AsTask().WaitAsync(Wait));
        return updates.Current;
    }

    private static string Describe(TargetGroup group) =>
        string.Join(" ", group.Targets.Select(t => $"{t.Node.Instance}{t.Labels}"));

    private void Write(string name, string json)
    {
        // Write beside and rename over, as generators do, so the reader never sees half a file.
        var temp = Path.Combine(_dir, "." + name + ".tmp");
        File.WriteAllText(temp, json);
        File.Move(temp, Path.Combine(_dir, "targets", name), overwrite: true);
    }

    [Fact]
    public async Task Targets_follow_file_changes_without_restart()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "targets"));
        // An hour between re-reads: every change below must come from the file-system watcher.
        var provider = CreateProvider("targets/*.json", TimeSpan.FromHours(1));
        await using var updates = provider.WatchAsync(_cts.Token).GetAsyncEnumerator();

        var first = await NextAsync(updates);
        Assert.Equal("prometheus/file_sd/discovered", first.Key);
        Assert.Empty(first.Targets);

        Write("a.json", """[{"targets": ["10.0.0.1:9100", "10.0.0.2:9100"], "labels": {"env": "prod"}}]""");
        Assert.Equal("10.0.0.1:9100{env=\"prod\"} 10.0.0.2:9100{env=\"prod\"}", Describe(await NextAsync(updates)));

        Write("a.json", """[{"targets": ["10.0.0.1:9100", "10.0.0.2:9100"], "labels": {"env": "test"}}]""");
        Assert.Equal("10.0.0.1:9100{env=\"test\"} 10.0.0.2:9100{env=\"test\"}", Describe(await NextAsync(updates)));

        Write("b.json", """[{"targets": ["db:9187"], "labels": {"instance": "db-main", "__meta_x": "1"}}]""");
        var three = await NextAsync(updates);
        Assert.Equal("10.0.0.1:9100{env=\"test\"} 10.0.0.2:9100{env=\"test\"} db-main{}", Describe(three));
        Assert.Equal("http://db:9187/metrics", three.Targets[2].Address);

        File.Delete(Path.Combine(_dir, "targets", "a.json"));
        Assert.Equal("db-main{}", Describe(await NextAsync(updates)));
    }

    [Fact]
    public async Task A_malformed_file_keeps_its_previous_targets_and_reports_the_error()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "targets"));
        var provider = CreateProvider("targets/*.json", TimeSpan.FromHours(1));
        await using var updates = provider.WatchAsync(_cts.Token).GetAsyncEnumerator();
        await NextAsync(updates);
        Write("a.json", """[{"targets": ["10.0.0.1:9100"]}]""");
        Assert.Equal("10.0.0.1:9100{}", Describe(await NextAsync(updates)));

        // The provider works while its consumer waits for the next group, as the scheduler always does.
        var next = NextAsync(updates);
        Write("a.json", """[{"targets": ["10.0.0.1:9100", """);
        await Eventually.TrueAsync(() => provider.FileErrors.Count == 1, "error reported");
        var (path, error) = provider.FileErrors.Single();
        Assert.EndsWith("a.json", path, StringComparison.Ordinal);
        Assert.StartsWith("line 1: invalid JSON", error, StringComparison.Ordinal);

        Write("a.json", """[{"targets": ["10.0.0.1:9100", "not-an-address"]}]""");
        await Eventually.TrueAsync(() => provider.FileErrors.Values.Single().StartsWith('['), "new error reported");
        Assert.Equal("[0].targets[1]: \"not-an-address\" is not host:port", provider.FileErrors.Values.Single());
        Assert.False(next.IsCompleted);

        // Another file changes: the group is re-published with a.json's last good targets kept.
        Write("b.json", """[{"targets": ["10.0.0.9:9100"]}]""");
        Assert.Equal("10.0.0.1:9100{} 10.0.0.9:9100{}", Describe(await next));

        Write("a.json", """[{"targets": ["10.0.0.3:9100"]}]""");
        Assert.Equal("10.0.0.3:9100{} 10.0.0.9:9100{}", Describe(await NextAsync(updates)));
        Assert.Empty(provider.FileErrors);
    }

    [Fact]
    public async Task A_directory_created_later_is_picked_up_by_the_periodic_re_read()
    {
        var provider = CreateProvider(Path.Combine(_dir, "later", "*.json"), TimeSpan.FromMilliseconds(100));
        await using var updates = provider.WatchAsync(_cts.Token).GetAsyncEnumerator();
        Assert.Empty((await NextAsync(updates)).Targets);

        Directory.CreateDirectory(Path.Combine(_dir, "later"));
        File.WriteAllText(Path.Combine(_dir, "later", "x.json"), """[{"targets": ["[::1]:9100"]}]""");

        Assert.Equal("[::1]:9100{}", Describe(await NextAsync(updates)));
    }

    [Fact]
    public async Task A_malformed_file_is_logged_once_however_often_it_is_re_read()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "targets"));
        Write("a.json", "not json");
        Write("b.json", """[{"targets": ["10.0.0.9:9100"]}]""");
        var reads = 0;
        var factory = new PrometheusTargetFactory(new PrometheusJobOptions { Job = "j" }, new CollectOptions());
        var logger = new ListLogger<FileSdTargetProvider>();
        var time = new FakeTimeProvider();
        var provider = new FileSdTargetProvider(
            "test", "key", ["targets/*.json"], _dir, TimeSpan.FromSeconds(30),
            (address, labels) =>
            {
                Interlocked.Increment(ref reads);
                return factory.Create(address, labels);
            },
            time, logger);
        await using var updates = provider.WatchAsync(_cts.Token).GetAsyncEnumerator();
        Assert.Equal("10.0.0.9:9100{}", Describe(await NextAsync(updates)));

        var pending = NextAsync(updates);
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(30));
                return Volatile.Read(ref reads) >= 5;
            },
            "five re-reads");

        Assert.False(pending.IsCompleted);
        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("a.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);

        // An async iterator cannot be disposed while a MoveNextAsync is pending: end it first.
        await _cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }
}
