using Gateway.Core.Configuration;
using System.Text.RegularExpressions;
using Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Configuration;

/// <summary>
/// Validates a configuration the way a start would, without starting: every error with its YAML path.
/// </summary>
public static partial class ConfigCheck
{
    private static readonly string[] KnownSections = ["gateway", "collect", "alarms", "exporters", "outbox", "logging"];

    /// <summary>
    /// Sections of the documented configuration shape whose component is not in this version: a file
    /// that has them still loads (ARCHITECTURE.md's example must keep working); check-config warns.
    /// </summary>
    private static readonly string[] NotYetImplemented =
    [
        "exporters:remoteWrite", "exporters:otlp", "exporters:grafana",
    ];

    private const string ExportersPrefix = "exporters:";

    public static ConfigReport Check(string? path)
    {
        LoadedConfiguration loaded;
        try
        {
            loaded = ConfigLoader.Load(path);
        }
        catch (ConfigurationFileException e)
        {
            return new ConfigReport([e.Message], []);
        }
        return Check(loaded);
    }

    /// <summary>Checks <paramref name="loaded"/> on a host built for the purpose.</summary>
    public static ConfigReport Check(LoadedConfiguration loaded)
    {
        WebApplication app;
        try
        {
            app = GatewayHost.Build(loaded);
        }
        catch (Exception e) when (Describe(e) is { Count: > 0 } described)
        {
            return new ConfigReport(described, []);
        }
        using (app)
        {
            return Check(loaded, app.Services);
        }
    }

    /// <summary>Checks <paramref name="loaded"/> on the services of a host built from it (endpoints not mapped yet).</summary>
    public static ConfigReport Check(LoadedConfiguration loaded, IServiceProvider services)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        foreach (var section in loaded.Root.GetChildren())
        {
            if (!KnownSections.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{section.Key}: unknown section (expected one of {string.Join(", ", KnownSections)})");
            }
        }
        errors.AddRange(UnknownExporters(loaded, services.GetService<OptionsSections>()));
        foreach (var key in NotYetImplemented)
        {
            if (loaded.Root.GetSection(key).GetChildren().Any() || loaded.Root.GetSection(key).Value is not null)
            {
                warnings.Add($"{YamlPath.FromConfigKey(key)}: not implemented in this version; ignored");
            }
        }
        try
        {
            var sections = services.GetRequiredService<OptionsSections>();
            foreach (var (section, type) in sections.All)
            {
                errors.AddRange(UnknownKeys.Find(loaded.Root.GetSection(section), type, sections.IsBound)
                    .Where(e => !NotYetImplemented.Any(n => e.StartsWith(YamlPath.FromConfigKey(n) + ":", StringComparison.OrdinalIgnoreCase)
                        || e.StartsWith(YamlPath.FromConfigKey(n) + ".", StringComparison.OrdinalIgnoreCase))));
                // Each options type on its own, so that every section's errors are reported, not only the first.
                errors.AddRange(Validate(services, type));
            }
            if (errors.Count == 0)
            {
                services.GetRequiredService<IStartupValidator>().Validate();
            }
        }
        catch (Exception e) when (Describe(e) is { Count: > 0 } described)
        {
            errors.AddRange(described);
        }
        return new ConfigReport(errors, warnings);
    }

    /// <summary>
    /// A name under <c>exporters:</c> that no exporter binds (built or planned) is an error naming the
    /// known ones — a typo such as <c>kafak</c> would otherwise configure nothing, silently.
    /// </summary>
    private static IEnumerable<string> UnknownExporters(LoadedConfiguration loaded, OptionsSections? sections)
    {
        var built = (sections?.All ?? [])
            .Where(s => s.Section.StartsWith(ExportersPrefix, StringComparison.OrdinalIgnoreCase) && s.Section.IndexOf(':', ExportersPrefix.Length) < 0)
            .Select(s => s.Section[ExportersPrefix.Length..])
            .Order(StringComparer.Ordinal);
        var known = built.Concat(NotYetImplemented.Select(n => n[ExportersPrefix.Length..])).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var exporter in loaded.Root.GetSection("exporters").GetChildren())
        {
            if (!known.Contains(exporter.Key, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{YamlPath.FromConfigKey(exporter.Path)}: unknown exporter (known: {string.Join(", ", known)})";
            }
        }
    }

    private static IReadOnlyList<string> Validate(IServiceProvider services, Type optionsType)
    {
        var accessorType = typeof(IOptions<>).MakeGenericType(optionsType);
        var accessor = services.GetService(accessorType);
        try
        {
            _ = accessorType.GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor);
            return [];
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is { } inner && Describe(inner) is { Count: > 0 } described)
        {
            return described;
        }
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
                return [$"{YamlPath.FromConfigKey(match.Groups["key"].Value)}: {reason}"];
            default:
                return [];
        }
    }

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderFailure();
}
