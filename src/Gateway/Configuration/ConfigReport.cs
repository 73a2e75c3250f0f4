namespace Gateway.Configuration;

/// <summary>What <c>check-config</c> found: errors stop a start; warnings do not.</summary>
public sealed record ConfigReport(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
