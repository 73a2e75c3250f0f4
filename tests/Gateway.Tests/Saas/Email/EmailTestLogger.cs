using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Saas.Email;

/// <summary>Every log line (with its exception) of the exporter and its outbox loop, to check no secret is logged.</summary>
internal sealed class EmailTestLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string Text => string.Join('\n', Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue(logLevel + " " + formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
}
