namespace Gateway.Core.Rules;

/// <summary><c>raise:</c> of a threshold rule: one threshold with a severity, and/or several <see cref="Levels"/>.</summary>
public sealed class RaiseOptions
{
    /// <summary>Raise when the value is greater than this.</summary>
    public double? Above { get; set; }

    /// <summary>Raise when the value is less than this.</summary>
    public double? Below { get; set; }

    /// <summary>critical, major, minor or warning.</summary>
    public string Severity { get; set; } = "major";

    /// <summary>The condition must hold this long before the alarm is raised.</summary>
    public TimeSpan For { get; set; }

    /// <summary>More thresholds, each with its severity (e.g. major above 80, critical above 95); same direction as the others.</summary>
    public List<LevelOptions> Levels { get; set; } = [];
}
