using Gateway.Core.Metrics;

namespace Gateway.Collector.PrometheusText;

/// <summary>A family being collected during one parse.</summary>
internal sealed class FamilyBuilder(string name, int capacity)
{
    public string Name { get; } = name;

    public MetricType Type { get; set; }

    public string Help { get; set; } = string.Empty;

    public string Unit { get; set; } = string.Empty;

    public bool HasTypeLine { get; set; }

    public bool HasHelpLine { get; set; }

    public bool HasUnitLine { get; set; }

    public List<Sample> Samples { get; } = new(capacity);

    public MetricFamily Build() => new(Name, Type, Help, Unit, Samples);
}
