using System.Globalization;
using Serilog.Events;
using Serilog.Parsing;

namespace Gateway.Logging;

/// <summary>
/// What every sink takes from a Serilog event, the same way: the message rendered as .NET logging
/// renders it (strings unquoted, <c>(null)</c>, lists joined with ", ", invariant culture), the level
/// names, the category and event id, and only the properties the message template names. Scope
/// properties (request ids, HttpClient URIs …) are left out everywhere, so no sink shows more than the
/// console line — which keeps secrets out as they are kept out of the messages.
/// </summary>
internal static class LogEventText
{
    public const string CategoryProperty = "SourceContext";
    public const string EventIdProperty = "EventId";

    public static string Message(LogEvent e)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteMessage(e, writer);
        return writer.ToString();
    }

    public static void WriteMessage(LogEvent e, TextWriter output)
    {
        foreach (var token in e.MessageTemplate.Tokens)
        {
            if (token is PropertyToken property)
            {
                if (e.Properties.TryGetValue(property.PropertyName, out var value))
                {
                    WriteValue(value, property.Format, output);
                }
                else
                {
                    output.Write(property.ToString());
                }
            }
            else
            {
                output.Write(((TextToken)token).Text);
            }
        }
    }

    public static string Value(LogEventPropertyValue value)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteValue(value, null, writer);
        return writer.ToString();
    }

    /// <summary>The properties the message template names, in template order, each once.</summary>
    public static IEnumerable<KeyValuePair<string, LogEventPropertyValue>> TemplateProperties(LogEvent e)
    {
        HashSet<string>? seen = null;
        foreach (var token in e.MessageTemplate.Tokens)
        {
            if (token is PropertyToken property
                && e.Properties.TryGetValue(property.PropertyName, out var value)
                && (seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.PropertyName))
            {
                yield return new(property.PropertyName, value);
            }
        }
    }

    public static string Category(LogEvent e) =>
        e.Properties.TryGetValue(CategoryProperty, out var value) && value is ScalarValue { Value: string s } ? s : string.Empty;

    public static (int Id, string? Name) EventId(LogEvent e)
    {
        if (!e.Properties.TryGetValue(EventIdProperty, out var value) || value is not StructureValue structure)
        {
            return (0, null);
        }
        var id = 0;
        string? name = null;
        foreach (var p in structure.Properties)
        {
            if (p.Name == "Id" && p.Value is ScalarValue { Value: int i })
            {
                id = i;
            }
            else if (p.Name == "Name" && p.Value is ScalarValue { Value: string n })
            {
                name = n;
            }
        }
        return (id, name);
    }

    /// <summary>.NET's simple console abbreviations: trce, dbug, info, warn, fail, crit.</summary>
    public static string ShortLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "trce",
        LogEventLevel.Debug => "dbug",
        LogEventLevel.Information => "info",
        LogEventLevel.Warning => "warn",
        LogEventLevel.Error => "fail",
        _ => "crit",
    };

    /// <summary>.NET logging's level names (as <c>logging.logLevel</c> takes them).</summary>
    public static string LevelName(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "Trace",
        LogEventLevel.Debug => "Debug",
        LogEventLevel.Information => "Information",
        LogEventLevel.Warning => "Warning",
        LogEventLevel.Error => "Error",
        _ => "Critical",
    };

    public static LogEventLevel ToSerilog(Microsoft.Extensions.Logging.LogLevel level) => level switch
    {
        Microsoft.Extensions.Logging.LogLevel.Trace => LogEventLevel.Verbose,
        Microsoft.Extensions.Logging.LogLevel.Debug => LogEventLevel.Debug,
        Microsoft.Extensions.Logging.LogLevel.Information => LogEventLevel.Information,
        Microsoft.Extensions.Logging.LogLevel.Warning => LogEventLevel.Warning,
        Microsoft.Extensions.Logging.LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };

    private static void WriteValue(LogEventPropertyValue value, string? format, TextWriter output)
    {
        switch (value)
        {
            case ScalarValue { Value: null }:
                output.Write("(null)");
                break;
            case ScalarValue { Value: string s }:
                output.Write(s);
                break;
            case ScalarValue { Value: IFormattable f }:
                output.Write(f.ToString(format, CultureInfo.InvariantCulture));
                break;
            case ScalarValue scalar:
                output.Write(scalar.Value!.ToString());
                break;
            case SequenceValue sequence:
                for (var i = 0; i < sequence.Elements.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Write(", ");
                    }
                    WriteValue(sequence.Elements[i], format, output);
                }
                break;
            default:
                value.Render(output, format, CultureInfo.InvariantCulture);
                break;
        }
    }
}
