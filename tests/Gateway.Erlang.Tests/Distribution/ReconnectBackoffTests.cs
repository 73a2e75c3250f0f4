using Gateway.Erlang.Distribution;
using Gateway.Erlang.Node;
using Gateway.Erlang.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Erlang.Tests.Distribution;

/// <summary>After a failed connect, calls fail fast until the (doubling) backoff has passed; fake time.</summary>
public sealed class ReconnectBackoffTests
{
    [Fact]
    public async Task Failed_connect_is_not_retried_before_the_backoff_has_passed()
    {
        var time = new FakeTimeProvider();
        await using var local = new LocalNode(
            new LocalNodeOptions
            {
                NodeName = "gw@localhost",
                Cookie = "testcookie",
                EpmdPort = FreePort.Next(), // nothing listens: every attempt fails at once
                ReconnectBackoffMin = TimeSpan.FromSeconds(1),
                ReconnectBackoffMax = TimeSpan.FromSeconds(3),
            },
            time);

        var first = await Assert.ThrowsAsync<ErlangConnectionException>(() => local.ConnectAsync("n1@localhost"));
        var held = await Assert.ThrowsAsync<ErlangConnectionException>(() => local.ConnectAsync("n1@localhost"));
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await Assert.ThrowsAsync<ErlangConnectionException>(() => local.ConnectAsync("n1@localhost"));
        time.Advance(TimeSpan.FromSeconds(1));
        var heldLonger = await Assert.ThrowsAsync<ErlangConnectionException>(() => local.ConnectAsync("n1@localhost"));
        time.Advance(TimeSpan.FromSeconds(1));
        var third = await Assert.ThrowsAsync<ErlangConnectionException>(() => local.ConnectAsync("n1@localhost"));

        Assert.Contains("Cannot look up", first.Message, StringComparison.Ordinal);
        Assert.Contains("Not reconnecting to n1@localhost for another 1 s after 1 failed attempt(s)", held.Message, StringComparison.Ordinal);
        Assert.Contains("Cannot look up", second.Message, StringComparison.Ordinal);
        Assert.Contains("for another 1 s after 2 failed attempt(s)", heldLonger.Message, StringComparison.Ordinal);
        Assert.Contains("Cannot look up", third.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_node_is_one_warning_however_many_attempts_follow()
    {
        var time = new FakeTimeProvider();
        var log = new RecordingLogger();
        await using var local = new LocalNode(
            new LocalNodeOptions
            {
                NodeName = "gw@localhost",
                Cookie = "testcookie",
                EpmdPort = FreePort.Next(),
                ReconnectBackoffMin = TimeSpan.FromSeconds(1),
                ReconnectBackoffMax = TimeSpan.FromSeconds(1),
            },
            time,
            log);

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<ErlangConnectionException>(() => local.ConnectAsync("n1@localhost"));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var warnings = log.Entries.Where(e => e.Level >= LogLevel.Warning).ToArray();
        var warning = Assert.Single(warnings);
        Assert.Contains("n1@localhost", warning.Message, StringComparison.Ordinal);
        Assert.Equal(4, log.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("failed again", StringComparison.Ordinal)));
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
