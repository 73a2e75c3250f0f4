using Gateway.Core.Configuration;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gateway.Configuration;

/// <summary>
/// Turns a YAML document into configuration key/value pairs (<c>collect:prometheus:0:targets:1</c>),
/// expanding <c>${NAME}</c> from the environment and <c>${file:/path}</c> from a file, so that secrets
/// need not be written into the file. Pure apart from those two look-ups.
/// </summary>
public static partial class YamlFlattener
{
    /// <summary>Largest configuration file we read; a bigger one is a mistake, not a config.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static Dictionary<string, string?> Flatten(string yaml, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigurationFileException(
                $"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed inputs (found by fuzzing).
            throw new ConfigurationFileException($"not valid YAML ({e.Message})");
        }
        if (stream.Documents.Count == 0)
        {
            return data;
        }
        if (stream.Documents.Count > 1)
        {
            throw new ConfigurationFileException("the file holds more than one YAML document");
        }
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" })
        {
            return data;
        }
        if (root is not YamlMappingNode)
        {
            throw new ConfigurationFileException($"line {root.Start.Line}: the top level must be a mapping (gateway:, collect:, alarms:, exporters:)");
        }
        Visit(root, string.Empty, data, environment);
        return data;
    }

    private static void Visit(YamlNode node, string path, Dictionary<string, string?> data, Func<string, string?> environment)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                if (mapping.Children.Count == 0 && path.Length > 0)
                {
                    data[path] = null;
                }
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
                    {
                        throw new ConfigurationFileException($"line {keyNode.Start.Line}: mapping keys must be plain text");
                    }
                    var childPath = path.Length == 0 ? key : path + ":" + key;
                    if (data.ContainsKey(childPath) || data.Keys.Any(k => k.StartsWith(childPath + ":", StringComparison.OrdinalIgnoreCase)))
                    {
                        throw new ConfigurationFileException($"line {keyNode.Start.Line}: {YamlPath.FromConfigKey(childPath)} is given twice");
                    }
                    Visit(valueNode, childPath, data, environment);
                }
                break;
            case YamlSequenceNode sequence:
                if (sequence.Children.Count == 0)
                {
                    data[path] = null;
                }
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Visit(sequence.Children[i], path + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), data, environment);
                }
                break;
            case YamlScalarNode scalar:
                data[path] = scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL"
                    ? null
                    : Expand(scalar.Value, environment);
                break;
            default:
                throw new ConfigurationFileException($"line {node.Start.Line}: unsupported YAML node at {YamlPath.FromConfigKey(path)}");
        }
    }

    private static string? Expand(string? value, Func<string, string?> environment)
    {
        if (value is null || !value.Contains("${", StringComparison.Ordinal))
        {
            return value;
        }
        return Placeholder().Replace(value, match =>
        {
            var name = match.Groups[1].Value.Trim();
            if (name.StartsWith("file:", StringComparison.Ordinal))
            {
                var file = name["file:".Length..];
                try
                {
                    return File.ReadAllText(file).Trim();
                }
                catch (IOException e)
                {
                    // The file's content is a secret; its name is not.
                    throw new ConfigurationFileException($"cannot read secret file \"{file}\": {e.Message}");
                }
                catch (UnauthorizedAccessException)
                {
                    throw new ConfigurationFileException($"cannot read secret file \"{file}\": access denied");
                }
            }
            // ${NAME} with a valid variable name reads the environment; anything else (such as the
            // documentation's "${from env}") stands for "set it through GATEWAY__… instead" and is empty.
            return EnvName().IsMatch(name) ? environment(name) ?? string.Empty : string.Empty;
        });
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();
}
