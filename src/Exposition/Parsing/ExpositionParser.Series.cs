using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Gateway.Exposition;

public sealed partial class ExpositionParser<TLabels, TSample, TFamily>
    where TLabels : notnull
{
    private static readonly SearchValues<byte> MetricNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:"u8);

    private static readonly SearchValues<byte> LabelNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"u8);

    /// <summary>Slow path for a series not seen before (or spelled differently): validate, decode, intern, cache.</summary>
    private SeriesEntry<TLabels> ParseSeries(ReadOnlySpan<byte> line, out int keyEnd)
    {
        var nameEnd = MetricNameLength(line);
        if (nameEnd == 0)
        {
            throw ParseError($"expected a metric name at the start of the line, found {Excerpt.Quote(line)}");
        }
        var pos = nameEnd;
        _labels.Clear();
        if (pos < line.Length && line[pos] == '{')
        {
            pos = ParseLabels(line, pos, build: true);
        }
        else if (pos < line.Length && !IsBlank(line[pos]))
        {
            throw ParseError($"invalid character in metric name {Excerpt.Quote(line[..(pos + 1)])}");
        }
        keyEnd = pos;

        var name = InternName(line[..nameEnd]);
        SortLabels();
        var labels = _model.CreateLabels(CollectionsMarshal.AsSpan(_labels));
        var key = new SeriesKey<TLabels>(name, labels);
        if (!_series.TryGetValue(key, out var series))
        {
            series = new SeriesEntry<TLabels>(name, labels, Classify("le"), Classify("quantile"));
            _series.Add(key, series);
        }
        // A duplicate spelling of a series already seen in this parse is still added, so the
        // duplicate check in the caller reports it.
        _rawSeriesLookup[line[..keyEnd]] = new RawSeriesEntry<TLabels>(series) { Generation = _generation };
        return series;
    }

    private static int MetricNameLength(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOfAnyExcept(MetricNameChars);
        if (end < 0)
        {
            end = text.Length;
        }
        return end > 0 && !char.IsAsciiDigit((char)text[0]) ? end : 0;
    }

    private bool IsBlank(byte b) => b == ' ' || (!_openMetrics && b == '\t');

    private int SkipBlanks(ReadOnlySpan<byte> line, int pos)
    {
        // Blanks inside braces are a 0.0.4 leniency (Prometheus' lexer skips them); OpenMetrics has none.
        if (!_openMetrics)
        {
            while (pos < line.Length && line[pos] is (byte)' ' or (byte)'\t')
            {
                pos++;
            }
        }
        return pos;
    }

    /// <summary>
    /// Parses <c>{name="value",...}</c> starting at the brace; returns the position after the closing
    /// brace. With <paramref name="build"/> the decoded labels are appended to <see cref="_labels"/>;
    /// without (exemplars) they are only validated and nothing is interned.
    /// </summary>
    private int ParseLabels(ReadOnlySpan<byte> line, int pos, bool build)
    {
        var maxLabels = _limits.MaxLabelsPerSample;
        var maxName = _limits.MaxLabelNameLength;
        var maxValue = _limits.MaxLabelValueLength;
        var count = 0;
        pos++;
        while (true)
        {
            pos = SkipBlanks(line, pos);
            if (pos >= line.Length)
            {
                throw ParseError($"unterminated label set in {Excerpt.Quote(line)}");
            }
            if (line[pos] == '}')
            {
                return pos + 1;
            }
            var nameStart = pos;
            var nameLength = line[pos..].IndexOfAnyExcept(LabelNameChars);
            if (nameLength < 0)
            {
                nameLength = line.Length - pos;
            }
            if (nameLength == 0 || char.IsAsciiDigit((char)line[pos]))
            {
                throw ParseError($"expected a label name, found {Excerpt.Quote(line[pos..])}");
            }
            if (maxName > 0 && nameLength > maxName)
            {
                throw LabelLimitError($"label name length {nameLength} exceeds the limit of {maxName} bytes: {Excerpt.Quote(line.Slice(nameStart, nameLength))}");
            }
            pos = SkipBlanks(line, pos + nameLength);
            if (pos >= line.Length || line[pos] != '=')
            {
                throw ParseError($"expected '=' after label name {Excerpt.Quote(line.Slice(nameStart, nameLength))}");
            }
            pos = SkipBlanks(line, pos + 1);
            if (pos >= line.Length || line[pos] != '"')
            {
                throw ParseError($"expected a quoted value for label {Excerpt.Quote(line.Slice(nameStart, nameLength))}");
            }
            var valueStart = pos + 1;
            var valueEnd = ClosingQuote(line, valueStart);
            if (valueEnd < 0)
            {
                throw ParseError($"unterminated value of label {Excerpt.Quote(line.Slice(nameStart, nameLength))}");
            }
            var rawValue = line[valueStart..valueEnd];
            if (maxValue > 0 && rawValue.Length > maxValue)
            {
                throw LabelLimitError($"value of label {Excerpt.Quote(line.Slice(nameStart, nameLength))} is {rawValue.Length} bytes, over the limit of {maxValue}");
            }
            count++;
            if (maxLabels > 0 && count > maxLabels)
            {
                throw LabelLimitError($"more than {maxLabels} labels on one sample");
            }
            if (build)
            {
                var name = InternName(line.Slice(nameStart, nameLength));
                _labels.Add(new ExpositionLabel(name, DecodeText(rawValue, isHelp: false)));
            }
            else
            {
                ValidateText(rawValue, isHelp: false);
            }
            pos = SkipBlanks(line, valueEnd + 1);
            if (pos < line.Length && line[pos] == ',')
            {
                pos++;
            }
            else if (pos >= line.Length || line[pos] != '}')
            {
                throw ParseError($"expected ',' or '}}' after the value of label {Excerpt.Quote(line.Slice(nameStart, nameLength))}");
            }
        }
    }

    private static int ClosingQuote(ReadOnlySpan<byte> line, int pos)
    {
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
                return pos;
            }
            pos += 2;
            if (pos >= line.Length)
            {
                return -1;
            }
        }
    }

    /// <summary>Sorts the labels of a new series by name and rejects a repeated name.</summary>
    private void SortLabels()
    {
        if (_labels.Count < 2)
        {
            return;
        }
        _labels.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        for (var i = 1; i < _labels.Count; i++)
        {
            if (ReferenceEquals(_labels[i - 1].Name, _labels[i].Name))
            {
                throw ParseError($"duplicate label name {Excerpt.Quote(_labels[i].Name)}");
            }
        }
    }

    /// <summary>Whether the new series has label <paramref name="name"/> (<c>le</c>, <c>quantile</c>) and whether it is a float.</summary>
    private FloatLabel Classify(string name)
    {
        foreach (var label in _labels)
        {
            if (string.Equals(label.Name, name, StringComparison.Ordinal))
            {
                return NumberParser.IsFloat(label.Value) ? FloatLabel.Float : FloatLabel.NotFloat;
            }
        }
        return FloatLabel.Absent;
    }

    /// <summary>Metric and label names are ASCII by grammar: intern them through a byte-keyed cache.</summary>
    private string InternName(ReadOnlySpan<byte> ascii)
    {
        if (_namesLookup.TryGetValue(ascii, out var cached))
        {
            cached.Generation = _generation;
            return cached.Value;
        }
        Span<char> chars = ascii.Length <= 256 ? stackalloc char[256] : new char[ascii.Length];
        var count = Encoding.ASCII.GetChars(ascii, chars);
        var value = _model.Intern(chars[..count]);
        _namesLookup[ascii] = new CachedText(value) { Generation = _generation };
        return value;
    }

    /// <summary>HELP text, cached under its raw bytes (it is the same every scrape).</summary>
    private string DecodeHelp(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            return string.Empty;
        }
        if (_textsLookup.TryGetValue(raw, out var cached))
        {
            cached.Generation = _generation;
            return cached.Value;
        }
        var value = DecodeText(raw, isHelp: true);
        _textsLookup[raw] = new CachedText(value) { Generation = _generation };
        return value;
    }

    /// <summary>
    /// Unescapes and interns a label value or HELP text. Label values know <c>\\</c>, <c>\"</c>, <c>\n</c>;
    /// 0.0.4 HELP knows <c>\\</c> and <c>\n</c>, OpenMetrics HELP also <c>\"</c>. Any other escape is an
    /// error in OpenMetrics and kept verbatim in 0.0.4 (as Prometheus does).
    /// </summary>
    private string DecodeText(ReadOnlySpan<byte> raw, bool isHelp)
    {
        ValidateText(raw, isHelp);
        var firstEscape = raw.IndexOf((byte)'\\');
        byte[]? rentedBytes = null;
        char[]? rentedChars = null;
        try
        {
            scoped ReadOnlySpan<byte> text = raw;
            if (firstEscape >= 0)
            {
                var buffer = raw.Length <= 256 ? stackalloc byte[256] : (rentedBytes = ArrayPool<byte>.Shared.Rent(raw.Length));
                raw[..firstEscape].CopyTo(buffer);
                var written = firstEscape;
                for (var i = firstEscape; i < raw.Length; i++)
                {
                    var b = raw[i];
                    if (b == '\\' && i + 1 < raw.Length)
                    {
                        var next = raw[i + 1];
                        var unescaped = next switch
                        {
                            (byte)'\\' => (byte)'\\',
                            (byte)'n' => (byte)'\n',
                            (byte)'"' when !isHelp || _openMetrics => (byte)'"',
                            _ => (byte)0,
                        };
                        if (unescaped != 0)
                        {
                            buffer[written++] = unescaped;
                            i++;
                            continue;
                        }
                    }
                    buffer[written++] = b;
                }
                text = buffer[..written];
            }
            var chars = text.Length <= 256 ? stackalloc char[256] : (rentedChars = ArrayPool<char>.Shared.Rent(text.Length));
            var count = Encoding.UTF8.GetChars(text, chars);
            return _model.Intern(chars[..count]);
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }
    }

    private void ValidateText(ReadOnlySpan<byte> raw, bool isHelp)
    {
        if (!Utf8.IsValid(raw))
        {
            throw ParseError(isHelp ? "invalid UTF-8 in HELP text" : "invalid UTF-8 in label value");
        }
        if (!_openMetrics)
        {
            return;
        }
        var what = isHelp ? "HELP text" : "label value";
        for (var i = raw.IndexOf((byte)'\\'); i >= 0 && i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                continue;
            }
            if (i + 1 >= raw.Length)
            {
                throw ParseError($"{what} ends with a lone backslash");
            }
            if (raw[i + 1] is not ((byte)'\\' or (byte)'n' or (byte)'"'))
            {
                throw ParseError($"invalid {what} escape {Excerpt.Quote(raw.Slice(i, 2))}");
            }
            i++;
        }
    }
}
