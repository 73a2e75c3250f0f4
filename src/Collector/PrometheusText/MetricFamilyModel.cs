using Gateway.Core.Metrics;
using Gateway.Exposition;

namespace Gateway.Collector.PrometheusText;

/// <summary>
/// Builds Core's metric model from what the exposition parser reads: interned <see cref="LabelSet"/>s,
/// <see cref="Sample"/>s and <see cref="MetricFamily"/> values. Thread-safe (the interner is).
/// </summary>
internal sealed class MetricFamilyModel(LabelSetInterner interner) : IExpositionModel<LabelSet, Sample, MetricFamily>
{
    public string Intern(ReadOnlySpan<char> text) => interner.Intern(text);

    public LabelSet CreateLabels(ReadOnlySpan<ExpositionLabel> labels)
    {
        if (labels.IsEmpty)
        {
            return LabelSet.Empty;
        }
        var copy = new Label[labels.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = new Label(labels[i].Name, labels[i].Value);
        }
        // Runs only for a series not seen before by its parser.
        return interner.Intern(LabelSet.Create((IEnumerable<Label>)copy));
    }

    public string? LabelValue(LabelSet labels, string name) => labels.Get(name);

    public Sample CreateSample(string name, LabelSet labels, double value, long? timestampMs) =>
        new(name, labels, value, timestampMs);

    public MetricFamily CreateFamily(string name, FamilyType type, string help, string unit, List<Sample> samples) =>
        new(name, TypeOf(type), help, unit, samples);

    private static MetricType TypeOf(FamilyType type) => type switch
    {
        FamilyType.Counter => MetricType.Counter,
        FamilyType.Gauge => MetricType.Gauge,
        FamilyType.Histogram => MetricType.Histogram,
        FamilyType.Summary => MetricType.Summary,
        FamilyType.Info => MetricType.Info,
        FamilyType.StateSet => MetricType.StateSet,
        FamilyType.GaugeHistogram => MetricType.GaugeHistogram,
        _ => MetricType.Untyped,
    };
}
