using System.Buffers;

namespace Gateway.Exposition;

public sealed partial class ExpositionParser<TLabels, TSample, TFamily>
    where TLabels : notnull
{
    private static readonly SearchValues<byte> NameTerminators = SearchValues.Create(" \t{"u8);

    private void ParseSampleLine(ReadOnlySpan<byte> line)
    {
        // Hot path: find where "name{labels}" ends without validating, and look those bytes up among
        // the series of earlier scrapes. Only bytes that once passed full validation are in the cache.
        var keyEnd = FindSeriesKeyEnd(line);
        SeriesEntry<TLabels> series;
        if (keyEnd > 0 && _rawSeriesLookup.TryGetValue(line[..keyEnd], out var raw))
        {
            raw.Generation = _generation;
            series = raw.Series;
        }
        else
        {
            series = ParseSeries(line, out keyEnd);
        }
        if (series.Generation == _generation)
        {
            throw ParseError($"duplicate series {Excerpt.Quote(line[..keyEnd])}");
        }
        series.Generation = _generation;

        var (value, timestamp) = ParseValueAndTimestamp(line, keyEnd);

        var maxSamples = _limits.MaxSamples;
        if (maxSamples > 0 && _sampleCount >= maxSamples)
        {
            throw new ExpositionParseException(
                ExpositionParseException.SampleLimitReason, _line, $"more than {maxSamples} samples (sample limit)");
        }
        _sampleCount++;

        var family = ResolveFamily(series);
        family.Samples.Add(_model.CreateSample(series.Name, series.Labels, value, timestamp));
    }

    /// <summary>End of the series bytes, or -1 when they are not well-formed enough to look up.</summary>
    private static int FindSeriesKeyEnd(ReadOnlySpan<byte> line)
    {
        var nameEnd = line.IndexOfAny(NameTerminators);
        if (nameEnd <= 0 || line[nameEnd] != '{')
        {
            return nameEnd;
        }
        var pos = nameEnd + 1;
        while (true)
        {
            var next = line[pos..].IndexOfAny((byte)'"', (byte)'}');
            if (next < 0)
            {
                return -1;
            }
            pos += next;
            if (line[pos] == '}')
            {
                return pos + 1;
            }
            pos++;
            while (true)
            {
                var special = line[pos..].IndexOfAny((byte)'"', (byte)'\\');
                if (special < 0)
                {
                    return -1;
                }
                pos += special;
                if (line[pos] == '"')
                {
                    pos++;
                    break;
                }
                pos += 2;
                if (pos > line.Length)
                {
                    return -1;
                }
            }
        }
    }

    private (double Value, long? Timestamp) ParseValueAndTimestamp(ReadOnlySpan<byte> line, int pos)
    {
        if (pos >= line.Length)
        {
            throw ParseError($"missing sample value after {Excerpt.Quote(line)}");
        }
        pos = SkipSeparator(line, pos, "sample value");
        var rest = line[pos..];
        var end = TokenEnd(rest);
        if (!NumberParser.TryParseFloat(rest[..end], out var value))
        {
            throw ParseError($"invalid sample value {Excerpt.Quote(rest[..end])}");
        }
        rest = rest[end..];
        if (rest.IsEmpty)
        {
            return (value, null);
        }
        return _openMetrics
            ? (value, ParseOpenMetricsTail(rest))
            : (value, ParseTextTail(rest));
    }

    private long? ParseTextTail(ReadOnlySpan<byte> rest)
    {
        rest = rest.TrimStart(" \t"u8);
        if (rest.IsEmpty)
        {
            return null;
        }
        var end = TokenEnd(rest);
        if (!NumberParser.TryParseMilliseconds(rest[..end], out var timestamp))
        {
            throw ParseError($"invalid timestamp {Excerpt.Quote(rest[..end])} (expected integer milliseconds)");
        }
        if (!rest[end..].TrimStart(" \t"u8).IsEmpty)
        {
            throw ParseError($"unexpected text after the timestamp: {Excerpt.Quote(rest[end..].TrimStart(" \t"u8))}");
        }
        return timestamp;
    }

    private long? ParseOpenMetricsTail(ReadOnlySpan<byte> rest)
    {
        // rest starts with the single space that ended the value.
        rest = rest[1..];
        long? timestamp = null;
        if (!rest.StartsWith("# "u8))
        {
            var end = TokenEnd(rest);
            if (!NumberParser.TryParseSecondsAsMilliseconds(rest[..end], out var ms))
            {
                throw ParseError($"invalid timestamp {Excerpt.Quote(rest[..end])} (expected seconds)");
            }
            timestamp = ms;
            rest = rest[end..];
            if (rest.IsEmpty)
            {
                return timestamp;
            }
            if (!rest.StartsWith(" # "u8))
            {
                throw ParseError($"unexpected text after the timestamp: {Excerpt.Quote(rest)}");
            }
            rest = rest[1..];
        }
        ValidateExemplar(rest);
        return timestamp;
    }

    /// <summary>OpenMetrics exemplar <c># {labels} value [timestamp]</c>: checked, then dropped.</summary>
    private void ValidateExemplar(ReadOnlySpan<byte> text)
    {
        if (text.Length < 3 || text[2] != '{')
        {
            throw ParseError($"invalid exemplar {Excerpt.Quote(text)} (expected \"# {{labels}} value\")");
        }
        var pos = ParseLabels(text, 2, build: false);
        if (pos >= text.Length)
        {
            throw ParseError($"exemplar without a value: {Excerpt.Quote(text)}");
        }
        pos = SkipSeparator(text, pos, "exemplar value");
        var rest = text[pos..];
        var end = TokenEnd(rest);
        if (!NumberParser.TryParseFloat(rest[..end], out _))
        {
            throw ParseError($"invalid exemplar value {Excerpt.Quote(rest[..end])}");
        }
        rest = rest[end..];
        if (rest.IsEmpty)
        {
            return;
        }
        rest = rest[1..];
        end = TokenEnd(rest);
        if (!NumberParser.TryParseSecondsAsMilliseconds(rest[..end], out _))
        {
            throw ParseError($"invalid exemplar timestamp {Excerpt.Quote(rest[..end])}");
        }
        if (end != rest.Length)
        {
            throw ParseError($"unexpected text after the exemplar: {Excerpt.Quote(rest[end..])}");
        }
    }

    /// <summary>OpenMetrics separates tokens by exactly one space; 0.0.4 by any run of blanks and tabs.</summary>
    private int SkipSeparator(ReadOnlySpan<byte> line, int pos, string what)
    {
        if (_openMetrics)
        {
            if (line[pos] != ' ' || (pos + 1 < line.Length && line[pos + 1] == ' '))
            {
                throw ParseError($"expected one space before the {what}, found {Excerpt.Quote(line[pos..])}");
            }
            return pos + 1;
        }
        if (line[pos] is not ((byte)' ' or (byte)'\t'))
        {
            throw ParseError($"expected a blank before the {what}, found {Excerpt.Quote(line[pos..])}");
        }
        var rest = line[pos..].TrimStart(" \t"u8);
        if (rest.IsEmpty)
        {
            throw ParseError($"missing {what}");
        }
        return line.Length - rest.Length;
    }

    private int TokenEnd(ReadOnlySpan<byte> text)
    {
        var end = _openMetrics ? text.IndexOf((byte)' ') : text.IndexOfAny((byte)' ', (byte)'\t');
        return end < 0 ? text.Length : end;
    }
}
