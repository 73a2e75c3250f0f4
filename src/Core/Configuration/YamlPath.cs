using System.Text;

namespace Gateway.Core.Configuration;

/// <summary>Turns a configuration key (<c>exporters:snmp:destinations:0</c>) into the YAML path users see (<c>exporters.snmp.destinations[0]</c>).</summary>
public static class YamlPath
{
    public static string FromConfigKey(string configKey)
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
