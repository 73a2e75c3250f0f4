namespace Gateway.Configuration;

/// <summary>The configuration file cannot be read or is not valid YAML of the expected shape.</summary>
public sealed class ConfigurationFileException : Exception
{
    public ConfigurationFileException(string message)
        : base(message)
    {
    }

    public ConfigurationFileException()
    {
    }

    public ConfigurationFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
