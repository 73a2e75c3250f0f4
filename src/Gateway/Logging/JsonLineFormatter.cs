using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting;

namespace Gateway.Logging;

/// <summary>
/// <c>logging.format: json</c>: one JSON object per line —
/// <c>{"time":"…Z","level":"Information","category":"…","eventId":12,"message":"…", …the message's
/// properties…, "exception":"…"}</c>. A property whose name is one of those keys is left to the message.
/// </summary>
internal sealed class JsonLineFormatter : ITextFormatter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "time", "level", "category", "eventId", "eventName", "message", "exception" };

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("time", logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", LogEventText.LevelName(logEvent.Level));
            json.WriteString("category", LogEventText.Category(logEvent));
            var (id, name) = LogEventText.EventId(logEvent);
            json.WriteNumber("eventId", id);
            if (name is not null)
            {
                json.WriteString("eventName", name);
            }
            json.WriteString("message", LogEventText.Message(logEvent));
            foreach (var (key, value) in LogEventText.TemplateProperties(logEvent))
            {
                if (!Reserved.Contains(key))
                {
                    WriteValue(json, key, value);
                }
            }
            if (logEvent.Exception is { } exception)
            {
                json.WriteString("exception", exception.ToString());
            }
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static void WriteValue(Utf8JsonWriter json, string key, LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: bool b }:
                json.WriteBoolean(key, b);
                break;
            case ScalarValue { Value: int or long or short or byte or uint or ulong or ushort or sbyte } integer:
                json.WriteNumber(key, Convert.ToDecimal(integer.Value, CultureInfo.InvariantCulture));
                break;
            case ScalarValue { Value: double d } when double.IsFinite(d):
                json.WriteNumber(key, d);
                break;
            case ScalarValue { Value: null }:
                json.WriteNull(key);
                break;
            default:
                json.WriteString(key, LogEventText.Value(value));
                break;
        }
    }
}
