using Microsoft.Extensions.Configuration;

namespace Gateway.Configuration;

/// <summary>The configuration in force and where it came from.</summary>
public sealed record LoadedConfiguration(IConfigurationRoot Root, string Origin, bool IsEmbeddedDefault, string? BaseDirectory);

/// <summary>
/// Builds the configuration: the YAML file (or the embedded default), then environment variables
/// <c>GATEWAY__SECTION__KEY</c> over it.
/// </summary>
public static class ConfigLoader
{
    public const string EnvironmentPrefix = "GATEWAY__";

    public static LoadedConfiguration Load(string? path)
    {
        string yaml;
        string origin;
        string? baseDirectory;
        if (path is null)
        {
            yaml = EmbeddedDefault();
            origin = "embedded default";
            baseDirectory = null;
        }
        else
        {
            yaml = ReadFile(path);
            origin = Path.GetFullPath(path);
            baseDirectory = Path.GetDirectoryName(origin);
        }
        var root = new ConfigurationBuilder()
            .Add(new YamlConfigurationSource(yaml))
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();
        return new LoadedConfiguration(root, origin, path is null, baseDirectory);
    }

    public static string EmbeddedDefault()
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream("Gateway.Configuration.default.yaml")
            ?? throw new InvalidOperationException("the embedded default configuration is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ConfigurationFileException($"{path}: no such file");
            }
            if (info.Length > YamlFlattener.MaxBytes)
            {
                throw new ConfigurationFileException($"{path}: {info.Length} bytes is larger than the {YamlFlattener.MaxBytes} bytes a configuration may have");
            }
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new ConfigurationFileException($"{path}: {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ConfigurationFileException($"{path}: access denied");
        }
    }
}
