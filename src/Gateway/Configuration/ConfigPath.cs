using System.Text;

namespace Gateway.Configuration;

/// <summary>Converts configuration keys (<c>collect:prometheus:0:targets</c>) to YAML paths (<c>collect.prometheus[0].targets</c>).</summary>
public static class ConfigPath
{
    public static string ToYaml(string configKey)
    {
        var builder = new StringBuilder(configKey.Length + 8);
        foreach (var part in configKey.Split(':'))
        {
            if (part.Length > 0 && part.All(char.IsAsciiDigit))
            {
                builder.Append('[').Append(part).Append(']');
                continue;
            }
            if (builder.Length > 0)
            {
                builder.Append('.');
            }
            builder.Append(part.Length > 0 ? char.ToLowerInvariant(part[0]) + part[1..] : part);
        }
        return builder.ToString();
    }
}
