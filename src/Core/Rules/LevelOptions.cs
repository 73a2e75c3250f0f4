namespace Gateway.Core.Rules;

/// <summary>One severity level of a multi-level threshold rule.</summary>
public sealed class LevelOptions
{
    public double? Above { get; set; }

    public double? Below { get; set; }

    public string Severity { get; set; } = string.Empty;
}
