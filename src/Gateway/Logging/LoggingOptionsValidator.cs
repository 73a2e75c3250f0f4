using Gateway.Exporters.Gelf;
using Microsoft.Extensions.Options;

namespace Gateway.Logging;

/// <summary>Validates <c>logging:</c>, each error with its YAML path.</summary>
public sealed class LoggingOptionsValidator : IValidateOptions<LoggingOptions>
{
    public const string Levels = "Trace, Debug, Information, Warning, Error, Critical, None";

    public ValidateOptionsResult Validate(string? name, LoggingOptions options)
    {
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Errors(LoggingOptions options)
    {
        var errors = new List<string>();
        foreach (var (category, level) in options.LogLevel)
        {
            if (!TryParseLevel(level, out _))
            {
                errors.Add($"logging.logLevel.{category}: \"{level}\" is not one of {Levels}");
            }
        }
        if (!IsFormat(options.Format))
        {
            errors.Add($"logging.format: \"{options.Format}\" is not one of text, json");
        }
        if (options.Gelf is { } gelf)
        {
            GelfTransportOptionsValidation.Validate(gelf, "logging.gelf", errors);
            if (!TryParseLevel(gelf.MinLevel, out var min) || min == LogLevel.None)
            {
                errors.Add($"logging.gelf.minLevel: \"{gelf.MinLevel}\" is not one of Trace, Debug, Information, Warning, Error, Critical");
            }
            if (gelf.BatchSize < 1)
            {
                errors.Add("logging.gelf.batchSize: must be at least 1");
            }
            if (gelf.QueueLimit < gelf.BatchSize)
            {
                errors.Add("logging.gelf.queueLimit: must be at least batchSize");
            }
        }
        return errors;
    }

    public static bool IsJson(string? format) => string.Equals(format?.Trim(), "json", StringComparison.OrdinalIgnoreCase);

    public static bool TryParseLevel(string? text, out LogLevel level) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(text, out _);

    private static bool IsFormat(string? format) => IsJson(format) || string.Equals(format?.Trim(), "text", StringComparison.OrdinalIgnoreCase);
}
