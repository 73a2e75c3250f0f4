using Gateway.Exporters.Gelf;
using Serilog.Events;

namespace Gateway.Logging;

/// <summary>
/// One gateway log event as a GELF message: <c>host</c> = this machine, <c>short_message</c> = the
/// console line's message, <c>full_message</c> = the exception, syslog level from the .NET level, and
/// <c>_category</c>, <c>_event_id</c>, <c>_event_name</c>, <c>_log_level</c>, <c>_application</c>
/// ("gateway") plus the message template's properties as text (one field keeps one type in Graylog's
/// index, whichever message names it).
/// </summary>
internal static class LogEventGelfMapper
{
    public static GelfMessage Map(LogEvent e, string host)
    {
        var (id, name) = LogEventText.EventId(e);
        var fields = new List<GelfField>(8)
        {
            GelfField.Of("application", "gateway"),
            GelfField.Of("category", LogEventText.Category(e)),
            GelfField.Of("log_level", LogEventText.LevelName(e.Level)),
            GelfField.Of("event_id", id),
        };
        if (name is not null)
        {
            fields.Add(GelfField.Of("event_name", name));
        }
        if (e.Exception is { } exception)
        {
            fields.Add(GelfField.Of("exception_type", exception.GetType().FullName ?? exception.GetType().Name));
        }
        foreach (var (key, value) in LogEventText.TemplateProperties(e))
        {
            fields.Add(GelfField.Of(key, LogEventText.Value(value)));
        }
        return new GelfMessage(host, LogEventText.Message(e), e.Timestamp, Level(e.Level), e.Exception?.ToString(), fields);
    }

    private static int Level(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => GelfLevels.Debug,
        LogEventLevel.Information => GelfLevels.Informational,
        LogEventLevel.Warning => GelfLevels.Warning,
        LogEventLevel.Error => GelfLevels.Error,
        _ => GelfLevels.Critical,
    };
}
