using Gateway.Core.Metrics;
using Gateway.Exposition;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// How a <see cref="MetricFamily"/> is declared in each format: the family name on HELP/TYPE, the
/// type token, and which sample names belong to it. A sample that cannot be expressed under the
/// family's declaration (a counter sample without <c>_total</c> in OpenMetrics, a <c>_created</c>
/// sample in 0.0.4, the parts of a gauge histogram in 0.0.4) is split off into a family of its own,
/// named like the sample (<see cref="SplitType"/>), so nothing is dropped and nothing is mis-declared.
/// </summary>
internal readonly record struct FamilyShape(string Name, string Type, MetricType MetricType, ExpositionFormat Format)
{
    public static FamilyShape Of(MetricFamily family, ExpositionFormat format)
    {
        var name = family.Name;
        if (format == ExpositionFormat.PrometheusText)
        {
            return family.Type switch
            {
                MetricType.Counter => new(TextCounterName(family), "counter", family.Type, format),
                MetricType.Gauge => new(name, "gauge", family.Type, format),
                MetricType.Histogram => new(name, "histogram", family.Type, format),
                MetricType.Summary => new(name, "summary", family.Type, format),
                // 0.0.4 has no info type: the info series (value 1) is a gauge named like the sample.
                MetricType.Info => new(name.EndsWith("_info", StringComparison.Ordinal) ? name : name + "_info", "gauge", family.Type, format),
                MetricType.StateSet => new(name, "gauge", family.Type, format),
                _ => new(name, "untyped", family.Type, format),
            };
        }
        return family.Type switch
        {
            MetricType.Counter => new(TrimSuffix(name, "_total"), "counter", family.Type, format),
            MetricType.Gauge => new(name, "gauge", family.Type, format),
            MetricType.Histogram => new(name, "histogram", family.Type, format),
            MetricType.Summary => new(name, "summary", family.Type, format),
            MetricType.Info => new(TrimSuffix(name, "_info"), "info", family.Type, format),
            MetricType.StateSet => new(name, "stateset", family.Type, format),
            MetricType.GaugeHistogram => new(name, "gaugehistogram", family.Type, format),
            _ => new(name, "unknown", family.Type, format),
        };
    }

    /// <summary>Whether a sample of this name is part of the declared family.</summary>
    public bool Contains(string sampleName)
    {
        if (Format == ExpositionFormat.PrometheusText)
        {
            return MetricType switch
            {
                MetricType.Histogram => Is(sampleName, "_bucket") || Is(sampleName, "_count") || Is(sampleName, "_sum"),
                MetricType.Summary => Is(sampleName, "") || Is(sampleName, "_count") || Is(sampleName, "_sum"),
                // 0.0.4 cannot declare a gauge histogram: every part goes out as an untyped family.
                MetricType.GaugeHistogram => false,
                _ => Is(sampleName, ""),
            };
        }
        return MetricType switch
        {
            MetricType.Counter => Is(sampleName, "_total") || Is(sampleName, "_created"),
            MetricType.Histogram => Is(sampleName, "_bucket") || Is(sampleName, "_count") || Is(sampleName, "_sum") || Is(sampleName, "_created"),
            MetricType.GaugeHistogram => Is(sampleName, "_bucket") || Is(sampleName, "_gcount") || Is(sampleName, "_gsum"),
            MetricType.Summary => Is(sampleName, "") || Is(sampleName, "_count") || Is(sampleName, "_sum") || Is(sampleName, "_created"),
            MetricType.Info => Is(sampleName, "_info"),
            _ => Is(sampleName, ""),
        };
    }

    /// <summary>The type of a family split off for a sample the declaration cannot hold.</summary>
    public string SplitType(string sampleName)
    {
        if (Format == ExpositionFormat.OpenMetrics)
        {
            return "unknown";
        }
        // As the official clients do in 0.0.4: a _created series is a gauge of its own.
        return sampleName.EndsWith("_created", StringComparison.Ordinal) ? "gauge" : "untyped";
    }

    private bool Is(string sampleName, string suffix) =>
        sampleName.Length == Name.Length + suffix.Length
        && sampleName.StartsWith(Name, StringComparison.Ordinal)
        && sampleName.EndsWith(suffix, StringComparison.Ordinal);

    private static string TextCounterName(MetricFamily family)
    {
        var name = family.Name;
        if (name.EndsWith("_total", StringComparison.Ordinal))
        {
            return name;
        }
        // A family read from OpenMetrics is named without _total while its samples carry it.
        foreach (var sample in family.Samples)
        {
            if (sample.Name.Length == name.Length + 6
                && sample.Name.StartsWith(name, StringComparison.Ordinal)
                && sample.Name.EndsWith("_total", StringComparison.Ordinal))
            {
                return sample.Name;
            }
        }
        return name;
    }

    // Every scrape declares every node's families: remember the trimmed names instead of allocating
    // one per counter family per node per scrape. Bounded, in case a source invents names.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Trimmed = new(StringComparer.Ordinal);

    private static string TrimSuffix(string name, string suffix)
    {
        if (!name.EndsWith(suffix, StringComparison.Ordinal))
        {
            return name;
        }
        if (Trimmed.TryGetValue(name, out var known))
        {
            return known;
        }
        var trimmed = name[..^suffix.Length];
        if (Trimmed.Count < 10_000)
        {
            Trimmed.TryAdd(name, trimmed);
        }
        return trimmed;
    }
}
