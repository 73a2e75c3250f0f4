namespace Gateway.Logging;

/// <summary>
/// The <c>logging:</c> section: levels per category (.NET logging's <c>logLevel</c>), the console
/// format and, optionally, the gateway's own logs to Graylog (<c>gelf</c>). README.md, <c>### logging</c>.
/// </summary>
public sealed class LoggingOptions
{
    public const string Section = "logging";

    /// <summary>Minimum level per category prefix (<c>Default</c> for the rest): Trace, Debug, Information, Warning, Error, Critical, None.</summary>
    public Dictionary<string, string> LogLevel { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>text</c> (one line per event, as .NET's simple console) or <c>json</c> (one JSON object per line).</summary>
    public string Format { get; set; } = "text";

    /// <summary>The gateway's own log events also to a GELF receiver; null = not.</summary>
    public GelfLogOptions? Gelf { get; set; }
}
