namespace Gateway.Core.Rules.Beam;

/// <summary>Total BEAM memory (<c>erlang:memory(total)</c>) against <see cref="Bound"/> bytes, levels in percent of it.</summary>
public sealed class MemoryThresholds
{
    /// <summary>The bound in bytes; unset (default) switches the <c>memory</c> alarm off.</summary>
    public long? Bound { get; set; }

    public double Minor { get; set; } = 70;

    public double Major { get; set; } = 85;

    public double Critical { get; set; } = 95;
}
