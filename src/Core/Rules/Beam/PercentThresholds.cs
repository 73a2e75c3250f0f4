namespace Gateway.Core.Rules.Beam;

/// <summary>Minor/major/critical levels in percent of a limit (0–100, minor ≤ major ≤ critical).</summary>
public sealed class PercentThresholds
{
    public double Minor { get; set; } = 70;

    public double Major { get; set; } = 85;

    public double Critical { get; set; } = 95;
}
