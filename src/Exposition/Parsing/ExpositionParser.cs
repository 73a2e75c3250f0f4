namespace Gateway.Exposition;

/// <summary>
/// Parses a Prometheus text 0.0.4 or OpenMetrics 1.0 exposition into metric families built by an
/// <see cref="IExpositionModel{TLabels, TSample, TFamily}"/>. One instance per scraped target, reused
/// across scrapes: it remembers the series of earlier scrapes under their raw bytes, so a steady-state
/// scrape creates only the returned samples and families. Not thread-safe. The accepted grammar and
/// the lenient/strict choices are in README.md next to this file.
/// </summary>
public sealed partial class ExpositionParser<TLabels, TSample, TFamily>
    where TLabels : notnull
{
    private readonly IExpositionModel<TLabels, TSample, TFamily> _model;

    // Caches that survive between parses; entries unused for a parse are swept once they outnumber
    // the live ones, so memory stays proportional to the last exposition.
    private readonly Dictionary<byte[], RawSeriesEntry<TLabels>> _rawSeries = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], RawSeriesEntry<TLabels>>.AlternateLookup<ReadOnlySpan<byte>> _rawSeriesLookup;
    private readonly Dictionary<SeriesKey<TLabels>, SeriesEntry<TLabels>> _series = [];
    private readonly Dictionary<byte[], CachedText> _names = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], CachedText>.AlternateLookup<ReadOnlySpan<byte>> _namesLookup;
    private readonly Dictionary<byte[], CachedText> _texts = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], CachedText>.AlternateLookup<ReadOnlySpan<byte>> _textsLookup;
    private readonly Dictionary<string, FamilyStat> _familyStats = new(StringComparer.Ordinal);
    private ParserLimits? _cachedLimits;
    private ExpositionFormat _cachedFormat;
    private int _generation;
    private int _lastLive;

    // State of the parse in progress.
    private readonly List<FamilyBuilder<TSample>> _families = [];
    private readonly Dictionary<string, FamilyBuilder<TSample>> _familiesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FamilyBuilder<TSample>>.AlternateLookup<ReadOnlySpan<char>> _familiesByNameSpan;
    private readonly List<ExpositionLabel> _labels = [];
    private ParserLimits _limits = new();
    private FamilyBuilder<TSample>? _current;
    private bool _openMetrics;
    private int _line;
    private int _sampleCount;

    public ExpositionParser(IExpositionModel<TLabels, TSample, TFamily> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _rawSeriesLookup = _rawSeries.GetAlternateLookup<ReadOnlySpan<byte>>();
        _namesLookup = _names.GetAlternateLookup<ReadOnlySpan<byte>>();
        _textsLookup = _texts.GetAlternateLookup<ReadOnlySpan<byte>>();
        _familiesByNameSpan = _familiesByName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Parses <paramref name="utf8"/>. Families come in order of first appearance, each sample in input
    /// order. Any error or limit breach throws <see cref="ExpositionParseException"/>; nothing partial
    /// is returned.
    /// </summary>
    public IReadOnlyList<TFamily> Parse(ReadOnlySpan<byte> utf8, ExpositionFormat format, ParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!limits.Equals(_cachedLimits) || format != _cachedFormat)
        {
            // Cached series were validated under the old limits and format rules: start over.
            ClearCaches();
            _cachedLimits = limits;
            _cachedFormat = format;
        }
        _generation++;
        _limits = limits;
        _openMetrics = format == ExpositionFormat.OpenMetrics;
        _current = null;
        _sampleCount = 0;
        _line = 0;
        try
        {
            ParseLines(utf8);
            var result = BuildResult();
            _lastLive = _sampleCount + _families.Count;
            return result;
        }
        finally
        {
            SweepCaches();
            _families.Clear();
            _familiesByName.Clear();
            _current = null;
        }
    }

    private void ParseLines(ReadOnlySpan<byte> input)
    {
        var maxLine = _limits.MaxLineLength;
        var sawEof = false;
        while (!input.IsEmpty)
        {
            _line++;
            ReadOnlySpan<byte> line;
            var newline = input.IndexOf((byte)'\n');
            if (newline < 0)
            {
                line = input;
                input = default;
            }
            else
            {
                line = input[..newline];
                input = input[(newline + 1)..];
            }
            if (sawEof)
            {
                throw ParseError("content after # EOF");
            }
            if (!line.IsEmpty && line[^1] == '\r')
            {
                if (_openMetrics)
                {
                    throw ParseError("carriage return before line feed (CRLF line endings are not allowed in OpenMetrics)");
                }
                line = line[..^1];
            }
            if (maxLine > 0 && line.Length > maxLine)
            {
                throw ParseError($"line length {line.Length} exceeds the limit of {maxLine} bytes");
            }
            if (line.IsEmpty)
            {
                if (_openMetrics)
                {
                    throw ParseError("empty line (not allowed in OpenMetrics)");
                }
                continue;
            }
            if (line[0] == '#')
            {
                sawEof = ParseCommentLine(line);
                continue;
            }
            if (!_openMetrics && line[0] is (byte)' ' or (byte)'\t')
            {
                // 0.0.4 tokens may be preceded by blanks; a blank-only line is an empty line.
                line = line.TrimStart(" \t"u8);
                if (line.IsEmpty)
                {
                    continue;
                }
                if (line[0] == '#')
                {
                    ParseCommentLine(line);
                    continue;
                }
            }
            ParseSampleLine(line);
        }
        if (_openMetrics && !sawEof)
        {
            _line++;
            throw ParseError("missing # EOF at the end of the OpenMetrics exposition");
        }
    }

    private List<TFamily> BuildResult()
    {
        var result = new List<TFamily>(_families.Count);
        foreach (var family in _families)
        {
            result.Add(_model.CreateFamily(family.Name, family.Type, family.Help, family.Unit, family.Samples));
            if (_familyStats.TryGetValue(family.Name, out var stat))
            {
                stat.LastCount = family.Samples.Count;
            }
            else
            {
                stat = new FamilyStat { LastCount = family.Samples.Count };
                _familyStats.Add(family.Name, stat);
            }
            stat.Generation = _generation;
        }
        return result;
    }

    private void ClearCaches()
    {
        _lastLive = 0;
        _rawSeries.Clear();
        _series.Clear();
        _names.Clear();
        _texts.Clear();
        _familyStats.Clear();
    }

    private void SweepCaches()
    {
        // A parse that failed early saw few series; measure staleness against the last good parse so
        // one bad scrape does not throw away the cache of a target that is normally fine.
        var live = Math.Max(_sampleCount + _families.Count, _lastLive);
        Sweep(_rawSeries, live);
        Sweep(_series, live);
        Sweep(_names, live);
        Sweep(_texts, live);
        Sweep(_familyStats, live);
        if (_labels.Capacity > 1024)
        {
            _labels.Clear();
            _labels.Capacity = 16;
        }
    }

    private void Sweep<TKey, TValue>(Dictionary<TKey, TValue> cache, int live)
        where TKey : notnull
        where TValue : CacheEntry
    {
        // Amortised: sweep only when stale entries could be half the cache.
        if (cache.Count <= (2 * live) + 1024)
        {
            return;
        }
        foreach (var (key, entry) in cache)
        {
            if (entry.Generation != _generation)
            {
                cache.Remove(key);
            }
        }
        cache.TrimExcess();
    }

    private ExpositionParseException ParseError(string detail) =>
        new(ExpositionParseException.ParseReason, _line, detail);

    private ExpositionParseException LabelLimitError(string detail) =>
        new(ExpositionParseException.LabelLimitReason, _line, detail);
}
