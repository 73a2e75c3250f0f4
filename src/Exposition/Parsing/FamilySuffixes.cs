namespace Gateway.Exposition;

/// <summary>Which series names belong to a family of a given type (the grouping rules of both formats).</summary>
internal static class FamilySuffixes
{
    /// <summary>Suffixes tried when looking up the family of a series that does not follow the current one.</summary>
    public static readonly string[] Known = ["_total", "_created", "_bucket", "_sum", "_count", "_gsum", "_gcount", "_info"];

    public static bool TryMatch(string family, FamilyType type, bool openMetrics, string series, out SeriesSuffix suffix)
    {
        if (!series.StartsWith(family, StringComparison.Ordinal))
        {
            // 0.0.4 counters are usually typed by their series name "x_total"; client libraries put the
            // creation time in "x_created" next to it.
            suffix = SeriesSuffix.Created;
            return !openMetrics
                && type == FamilyType.Counter
                && family.EndsWith("_total", StringComparison.Ordinal)
                && series.Length == family.Length + 2
                && series.EndsWith("_created", StringComparison.Ordinal)
                && series.AsSpan(0, family.Length - 6).SequenceEqual(family.AsSpan(0, family.Length - 6));
        }
        suffix = Classify(series.AsSpan(family.Length));
        return Allowed(type, openMetrics, suffix);
    }

    private static SeriesSuffix Classify(ReadOnlySpan<char> rest) => rest switch
    {
        "" => SeriesSuffix.None,
        "_total" => SeriesSuffix.Total,
        "_created" => SeriesSuffix.Created,
        "_bucket" => SeriesSuffix.Bucket,
        "_sum" => SeriesSuffix.Sum,
        "_count" => SeriesSuffix.Count,
        "_gsum" => SeriesSuffix.GSum,
        "_gcount" => SeriesSuffix.GCount,
        "_info" => SeriesSuffix.Info,
        _ => SeriesSuffix.Other,
    };

    private static bool Allowed(FamilyType type, bool openMetrics, SeriesSuffix suffix) => type switch
    {
        FamilyType.Counter => suffix is SeriesSuffix.Total or SeriesSuffix.Created || (!openMetrics && suffix == SeriesSuffix.None),
        FamilyType.Histogram => suffix is SeriesSuffix.Bucket or SeriesSuffix.Sum or SeriesSuffix.Count or SeriesSuffix.Created,
        FamilyType.GaugeHistogram => suffix is SeriesSuffix.Bucket or SeriesSuffix.GSum or SeriesSuffix.GCount,
        FamilyType.Summary => suffix is SeriesSuffix.None or SeriesSuffix.Sum or SeriesSuffix.Count or SeriesSuffix.Created,
        FamilyType.Info => suffix == SeriesSuffix.Info,
        _ => suffix == SeriesSuffix.None,
    };
}
