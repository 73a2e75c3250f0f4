using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>State of one <see cref="BeamMetricMapper.Map"/> call: the naming, the interner, the output.</summary>
internal sealed class BeamMappingContext(BeamMetricNaming naming, LabelSetInterner interner, SampleShapeInterner shapes, BeamLabelCaches cache)
{
    private readonly List<MetricFamilyBuilder> families = [];

    /// <summary>The name for the configured naming: <paramref name="v4"/> (4.10–5.x) or <paramref name="v6"/> (6.x).</summary>
    public string Name(string v4, string v6) => naming == BeamMetricNaming.PrometheusErlV6 ? v6 : v4;

    /// <summary>A new family; it goes into the output, in creation order, if it gets at least one sample.</summary>
    public MetricFamilyBuilder Family(string name, MetricType type, string help)
    {
        var family = new MetricFamilyBuilder(name, type, help, shapes, cache.SizeHint(name));
        families.Add(family);
        return family;
    }

    /// <summary>
    /// A family whose label values change from cycle to cycle (pids): use <see cref="FreshLabels"/> for
    /// it, and its shape is not shared, so neither interner fills up with values seen once.
    /// </summary>
    public MetricFamilyBuilder ChurningFamily(string name, MetricType type, string help)
    {
        var family = new MetricFamilyBuilder(name, type, help, shapes: null);
        families.Add(family);
        return family;
    }

    /// <summary>The families that got samples.</summary>
    public IReadOnlyList<MetricFamily> Build()
    {
        var result = new List<MetricFamily>(families.Count);
        foreach (var family in families)
        {
            if (family.Count > 0)
            {
                cache.RememberSize(family.Name, family.Count);
                result.Add(family.Build());
            }
        }

        return result;
    }

    /// <summary>A one-sample family without labels, when <paramref name="value"/> is a number.</summary>
    public void Single(string name, MetricType type, string help, ErlangTerm? value)
    {
        if (TermAccess.TryNumber(value, out var number))
        {
            var family = Family(name, type, help);
            family.Add(LabelSet.Empty, number);
        }
    }

    /// <summary>Like <see cref="Single"/> for prometheus.erl's boolean metrics (untyped, 1 or 0).</summary>
    public void Boolean(string name, string help, ErlangTerm? value)
    {
        if (TermAccess.TryBoolean(value, out var number))
        {
            var family = Family(name, MetricType.Untyped, help);
            family.Add(LabelSet.Empty, number);
        }
    }

    // LabelSet.Create is called with an IEnumerable on purpose: its params-span overload forwards
    // to itself (it binds Create(labels.ToArray()) to the span overload) and overflows the stack.
    public LabelSet Labels(string name, string value)
    {
        var key = (name, value);
        return cache.One.TryGet(key, out var set)
            ? set
            : cache.One.Add(key, interner.Intern(LabelSet.Create((IEnumerable<Label>)[new Label(name, interner.Intern(value))])));
    }

    public LabelSet Labels(string name1, string value1, string name2, string value2)
    {
        var key = (name1, value1, name2, value2);
        return cache.Two.TryGet(key, out var set)
            ? set
            : cache.Two.Add(key, interner.Intern(LabelSet.Create((IEnumerable<Label>)[new Label(name1, interner.Intern(value1)), new Label(name2, interner.Intern(value2))])));
    }

    public LabelSet Labels(Label a, Label b, Label c, Label d)
    {
        var key = (a, b, c, d);
        return cache.Four.TryGet(key, out var set) ? set : cache.Four.Add(key, Labels([a, b, c, d]));
    }

    /// <summary>Two labels, not interned (see <see cref="ChurningFamily"/>).</summary>
    public static LabelSet FreshLabels(string name1, string value1, string name2, string value2) =>
        LabelSet.Create((IEnumerable<Label>)[new Label(name1, value1), new Label(name2, value2)]);

    public LabelSet Labels(params ReadOnlySpan<Label> labels)
    {
        var interned = new Label[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            interned[i] = new Label(labels[i].Name, interner.Intern(labels[i].Value));
        }

        return interner.Intern(LabelSet.Create((IEnumerable<Label>)interned));
    }
}
