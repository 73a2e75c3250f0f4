namespace Gateway.Exposition;

/// <summary>A family being collected during one parse.</summary>
internal sealed class FamilyBuilder<TSample>(string name, int capacity)
{
    public string Name { get; } = name;

    public FamilyType Type { get; set; }

    public string Help { get; set; } = string.Empty;

    public string Unit { get; set; } = string.Empty;

    public bool HasTypeLine { get; set; }

    public bool HasHelpLine { get; set; }

    public bool HasUnitLine { get; set; }

    public List<TSample> Samples { get; } = new(capacity);
}
