namespace Gateway.Exposition;

public sealed partial class ExpositionParser<TLabels, TSample, TFamily>
    where TLabels : notnull
{
    private FamilyBuilder<TSample> NewFamily(string name)
    {
        // Size the list from the previous scrape so steady state allocates exactly one array per family.
        var capacity = _familyStats.TryGetValue(name, out var stat) ? stat.LastCount : 0;
        var family = new FamilyBuilder<TSample>(name, capacity);
        _families.Add(family);
        _familiesByName.Add(name, family);
        return family;
    }

    /// <summary>The family a sample belongs to: normally the current one, found by a cached reference compare.</summary>
    private FamilyBuilder<TSample> ResolveFamily(SeriesEntry<TLabels> series)
    {
        var family = _current;
        SeriesSuffix suffix;
        if (family is not null
            && ReferenceEquals(series.MatchedFamily, family.Name)
            && series.MatchedType == family.Type)
        {
            suffix = series.MatchedSuffix;
        }
        else if (family is not null
            && FamilySuffixes.TryMatch(family.Name, family.Type, _openMetrics, series.Name, out suffix))
        {
            Remember(series, family, suffix);
        }
        else
        {
            family = FindOrCreateFamily(series, out suffix);
            Remember(series, family, suffix);
            _current = family;
        }
        if (_openMetrics)
        {
            CheckOpenMetricsLabels(series, family, suffix);
        }
        return family;
    }

    private static void Remember(SeriesEntry<TLabels> series, FamilyBuilder<TSample> family, SeriesSuffix suffix)
    {
        series.MatchedFamily = family.Name;
        series.MatchedType = family.Type;
        series.MatchedSuffix = suffix;
    }

    private FamilyBuilder<TSample> FindOrCreateFamily(SeriesEntry<TLabels> series, out SeriesSuffix suffix)
    {
        var name = series.Name;
        var family = FindFamily(name, out suffix);
        if (family is not null)
        {
            if (_openMetrics)
            {
                throw ParseError($"sample {Excerpt.Quote(name)} of metric family {Excerpt.Quote(family.Name)} appears after another family (interleaved families)");
            }
            return family;
        }
        if (_familiesByName.TryGetValue(name, out var clash))
        {
            throw ParseError($"sample name {Excerpt.Quote(name)} is not valid for metric family {Excerpt.Quote(clash.Name)} of type {TypeName(clash.Type)}");
        }
        // Without metadata each series name is a family of its own (untyped / OpenMetrics unknown).
        suffix = SeriesSuffix.None;
        return NewFamily(name);
    }

    private FamilyBuilder<TSample>? FindFamily(string series, out SeriesSuffix suffix)
    {
        if (_familiesByName.TryGetValue(series, out var family)
            && FamilySuffixes.TryMatch(family.Name, family.Type, _openMetrics, series, out suffix))
        {
            return family;
        }
        foreach (var known in FamilySuffixes.Known)
        {
            if (series.Length > known.Length
                && series.EndsWith(known, StringComparison.Ordinal)
                && _familiesByNameSpan.TryGetValue(series.AsSpan(0, series.Length - known.Length), out family)
                && FamilySuffixes.TryMatch(family.Name, family.Type, _openMetrics, series, out suffix))
            {
                return family;
            }
        }
        if (!_openMetrics
            && series.EndsWith("_created", StringComparison.Ordinal)
            && _familiesByName.TryGetValue(string.Concat(series.AsSpan(0, series.Length - 8), "_total"), out family)
            && FamilySuffixes.TryMatch(family.Name, family.Type, _openMetrics, series, out suffix))
        {
            return family;
        }
        suffix = SeriesSuffix.None;
        return null;
    }

    /// <summary>OpenMetrics requires float <c>le</c> on buckets and float <c>quantile</c> on summary quantiles.</summary>
    private void CheckOpenMetricsLabels(SeriesEntry<TLabels> series, FamilyBuilder<TSample> family, SeriesSuffix suffix)
    {
        if (suffix == SeriesSuffix.Bucket
            && family.Type is FamilyType.Histogram or FamilyType.GaugeHistogram
            && series.Le != FloatLabel.Float)
        {
            throw ParseError(series.Le == FloatLabel.Absent
                ? $"histogram bucket {Excerpt.Quote(series.Name)} without an \"le\" label"
                : $"histogram bucket {Excerpt.Quote(series.Name)} has \"le\" value {Excerpt.Quote(_model.LabelValue(series.Labels, "le") ?? string.Empty)} that is not a float");
        }
        if (suffix == SeriesSuffix.None
            && family.Type == FamilyType.Summary
            && series.Quantile != FloatLabel.Float)
        {
            throw ParseError(series.Quantile == FloatLabel.Absent
                ? $"summary quantile {Excerpt.Quote(series.Name)} without a \"quantile\" label"
                : $"summary {Excerpt.Quote(series.Name)} has \"quantile\" value {Excerpt.Quote(_model.LabelValue(series.Labels, "quantile") ?? string.Empty)} that is not a float");
        }
    }

    private static string TypeName(FamilyType type) => type switch
    {
        FamilyType.Counter => "counter",
        FamilyType.Gauge => "gauge",
        FamilyType.Histogram => "histogram",
        FamilyType.Summary => "summary",
        FamilyType.Info => "info",
        FamilyType.StateSet => "stateset",
        FamilyType.GaugeHistogram => "gaugehistogram",
        _ => "untyped",
    };
}
