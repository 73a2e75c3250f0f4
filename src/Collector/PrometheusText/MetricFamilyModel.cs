using Gateway.Core.Metrics;
using Gateway.Exposition;

namespace Gateway.Collector.PrometheusText;

/// <summary>
/// Builds Core's metric model from what the exposition parser reads: interned <see cref="LabelSet"/>s,
/// <see cref="Sample"/>s and <see cref="MetricFamily"/> values. One per parser (it reuses a scratch
/// list), so not thread-safe; the interner it shares is.
/// </summary>
internal sealed class MetricFamilyModel(LabelSetInterner interner) : IExpositionModel<LabelSet, Sample, MetricFamily>
{
    private readonly List<Label> _scratch = [];

    public string Intern(ReadOnlySpan<char> text) => interner.Intern(text);

    public LabelSet CreateLabels(ReadOnlySpan<ExpositionLabel> labels)
    {
        if (labels.IsEmpty)
        {
            return LabelSet.Empty;
        }
        // Runs only for a series not seen before by its parser; LabelSet.Create copies the list once.
        _scratch.Clear();
        foreach (var label in labels)
        {
            _scratch.Add(new Label(label.Name, label.Value));
        }
        return interner.Intern(LabelSet.Create(_scratch));
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
