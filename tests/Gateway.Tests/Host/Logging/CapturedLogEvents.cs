using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Gateway.Tests.Host.Logging;

/// <summary>.NET logging → Serilog, as the gateway wires it, with the Serilog events kept for a formatter to render.</summary>
internal sealed class CapturedLogEvents : IDisposable
{
    private readonly SerilogLoggerProvider _provider;
    private readonly ListSink _sink = new();

    public CapturedLogEvents()
    {
        _provider = new SerilogLoggerProvider(new Serilog.LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink).CreateLogger(), dispose: true);
    }

    public List<LogEvent> Events => _sink.Events;

    public ILogger Logger(string category) => _provider.CreateLogger(category);

    public void Dispose() => _provider.Dispose();

    private sealed class ListSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
