using System.Text.RegularExpressions;
using Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Configuration;

/// <summary>
/// Validates a configuration the way a start would, without starting: every error with its YAML path.
/// </summary>
public static partial class ConfigCheck
{
    private static readonly string[] KnownSections = ["gateway", "collect", "alarms", "exporters", "logging"];

    public static IReadOnlyList<string> Check(string? path)
    {
        LoadedConfiguration loaded;
        try
        {
            loaded = ConfigLoader.Load(path);
        }
        catch (ConfigurationFileException e)
        {
            return [e.Message];
        }
        return Check(loaded);
    }

    public static IReadOnlyList<string> Check(LoadedConfiguration loaded)
    {
        var errors = new List<string>();
        foreach (var section in loaded.Root.GetChildren())
        {
            if (!KnownSections.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{section.Key}: unknown section (expected one of {string.Join(", ", KnownSections)})");
            }
        }
        try
        {
            using var app = GatewayHost.Build(loaded);
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception e) when (Describe(e) is { Count: > 0 } described)
        {
            errors.AddRange(described);
        }
        return errors;
    }

    /// <summary>Turns the exceptions that options binding and validation throw into "path: message" lines.</summary>
    public static IReadOnlyList<string> Describe(Exception exception)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                return validation.Failures.ToArray();
            case AggregateException aggregate:
                return aggregate.InnerExceptions.SelectMany(Describe).ToArray();
            case InvalidOperationException binding when BinderFailure().Match(binding.Message) is { Success: true } match:
                var reason = binding.InnerException?.Message ?? $"is not a valid {match.Groups["type"].Value}";
                return [$"{ConfigPath.ToYaml(match.Groups["key"].Value)}: {reason}"];
            default:
                return [];
        }
    }

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderFailure();
}
