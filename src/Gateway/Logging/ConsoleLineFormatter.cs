using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;

namespace Gateway.Logging;

/// <summary>
/// <c>logging.format: text</c>: the line .NET's simple console formatter wrote before the gateway's
/// logging moved onto Serilog (single line, UTC timestamp), so scripts that read it keep working:
/// <c>2026-12-02T10:00:00.123Z info: Category[EventId] message exception</c>.
/// </summary>
internal sealed class ConsoleLineFormatter : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        output.Write(logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z' ", CultureInfo.InvariantCulture));
        output.Write(LogEventText.ShortLevel(logEvent.Level));
        output.Write(": ");
        output.Write(LogEventText.Category(logEvent));
        output.Write('[');
        output.Write(LogEventText.EventId(logEvent).Id.ToString(CultureInfo.InvariantCulture));
        output.Write(']');
        var message = LogEventText.Message(logEvent);
        if (message.Length > 0)
        {
            output.Write(' ');
            output.Write(message.Replace(Environment.NewLine, " ", StringComparison.Ordinal));
        }
        if (logEvent.Exception is { } exception)
        {
            output.Write(' ');
            output.Write(exception.ToString().Replace(Environment.NewLine, " ", StringComparison.Ordinal));
        }
        output.Write(Environment.NewLine);
    }
}
