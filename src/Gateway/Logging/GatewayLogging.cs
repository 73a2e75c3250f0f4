using Gateway.Exporters.Gelf;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Gateway.Logging;

/// <summary>
/// The gateway's logging: .NET logging's API and level filters (<c>logging.logLevel</c>, as before)
/// in front of one Serilog logger that writes the console (<c>logging.format</c>: text as .NET's simple
/// console wrote it, or JSON lines) and, with <c>logging.gelf</c>, a batched GELF sink. An invalid
/// <c>logging:</c> section configures the console only; the configuration check reports it.
/// </summary>
internal static class GatewayLogging
{
    public static void Configure(ILoggingBuilder logging, IConfiguration section, TimeProvider time)
    {
        var options = section.Get<LoggingOptions>() ?? new LoggingOptions();
        var valid = LoggingOptionsValidator.Errors(options).Count == 0;

        // .NET logging filters; Serilog passes on whatever reaches it.
        var configuration = new LoggerConfiguration().MinimumLevel.Verbose();
        configuration.WriteTo.Console(valid && LoggingOptionsValidator.IsJson(options.Format) ? new JsonLineFormatter() : new ConsoleLineFormatter());
        if (valid && options.Gelf is { } gelf)
        {
            // The sink's own failures (receiver away, batch dropped) go to stderr, never back into the log.
            Serilog.Debugging.SelfLog.Enable(message => Console.Error.WriteLine("gateway: logging: " + message));
            var minLevel = LoggingOptionsValidator.TryParseLevel(gelf.MinLevel, out var parsed) ? parsed : LogLevel.Information;
            configuration.WriteTo.Sink(
                new GelfLogSink(GelfTransports.Create(gelf, time), Environment.MachineName),
                new BatchingOptions
                {
                    BatchSizeLimit = gelf.BatchSize,
                    QueueLimit = gelf.QueueLimit,
                    BufferingTimeLimit = TimeSpan.FromMilliseconds(500),
                    EagerlyEmitFirstEvent = true,
                },
                LogEventText.ToSerilog(minLevel));
        }
        logging.ClearProviders();
        // The host binds the "Logging" section itself and throws at start on a bad level; the rules
        // below are made from the validated section instead, so check-config can report it.
        var fromConfiguration = logging.Services.Where(d => d.ServiceType == typeof(IConfigureOptions<LoggerFilterOptions>)
            && (d.ImplementationType ?? d.ImplementationInstance?.GetType())?.Name == "LoggerFilterConfigureOptions").ToArray();
        foreach (var descriptor in fromConfiguration)
        {
            logging.Services.Remove(descriptor);
        }
        logging.AddSerilog(configuration.CreateLogger(), dispose: true);

        // AddSerilog lets everything through to its provider (a provider rule at Trace, which beats
        // rules for all providers), so the level rules are written for that provider, after it.
        logging.AddFilter<SerilogLoggerProvider>(null, LogLevel.Information);
        foreach (var (category, text) in options.LogLevel)
        {
            if (LoggingOptionsValidator.TryParseLevel(text, out var level))
            {
                logging.AddFilter<SerilogLoggerProvider>(category.Equals("Default", StringComparison.OrdinalIgnoreCase) ? null : category, level);
            }
        }
        logging.AddFilter<SerilogLoggerProvider>("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter<SerilogLoggerProvider>("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        logging.AddFilter<SerilogLoggerProvider>("System.Net.Http.HttpClient", LogLevel.Warning);
    }
}
