namespace Gateway.Exposition;

public sealed partial class ExpositionParser<TLabels, TSample, TFamily>
    where TLabels : notnull
{
    private enum MetadataKind
    {
        Help,
        Type,
        Unit,
    }

    /// <summary>
    /// A line starting with '#': HELP, TYPE, UNIT (OpenMetrics) or EOF (OpenMetrics); anything else is
    /// a comment and ignored. Returns true for the OpenMetrics <c># EOF</c> line.
    /// </summary>
    private bool ParseCommentLine(ReadOnlySpan<byte> line)
    {
        var rest = line[1..];
        if (_openMetrics)
        {
            if (rest.SequenceEqual(" EOF"u8))
            {
                return true;
            }
            if (rest.IsEmpty || rest[0] != ' ')
            {
                return false;
            }
            rest = rest[1..];
        }
        else
        {
            rest = rest.TrimStart(" \t"u8);
        }

        var keywordEnd = TokenEnd(rest);
        var keyword = rest[..keywordEnd];
        MetadataKind kind;
        if (keyword.SequenceEqual("HELP"u8))
        {
            kind = MetadataKind.Help;
        }
        else if (keyword.SequenceEqual("TYPE"u8))
        {
            kind = MetadataKind.Type;
        }
        else if (_openMetrics && keyword.SequenceEqual("UNIT"u8))
        {
            kind = MetadataKind.Unit;
        }
        else if (_openMetrics && keyword.SequenceEqual("EOF"u8))
        {
            throw ParseError($"unexpected text after # EOF: {Excerpt.Quote(rest)}");
        }
        else
        {
            return false;
        }

        rest = rest[keywordEnd..];
        if (rest.IsEmpty)
        {
            throw ParseError($"{KindName(kind)} line without a metric name");
        }
        rest = rest[SkipSeparator(rest, 0, "metric name")..];
        var nameLength = MetricNameLength(rest);
        if (nameLength == 0 || (nameLength < rest.Length && !IsBlank(rest[nameLength])))
        {
            throw ParseError($"invalid metric name in {KindName(kind)} line: {Excerpt.Quote(rest)}");
        }
        var name = InternName(rest[..nameLength]);
        rest = rest[nameLength..];
        if (!rest.IsEmpty)
        {
            // The text starts after one separator (OpenMetrics) or after the run of blanks (0.0.4).
            rest = _openMetrics ? rest[1..] : rest.TrimStart(" \t"u8);
        }

        var family = FamilyForMetadata(name, kind);
        switch (kind)
        {
            case MetadataKind.Type:
                SetType(family, ParseType(rest));
                break;
            case MetadataKind.Help:
                SetHelp(family, DecodeHelp(rest));
                break;
            default:
                SetUnit(family, DecodeHelp(rest));
                break;
        }
        return false;
    }

    private static string KindName(MetadataKind kind) => kind switch
    {
        MetadataKind.Help => "HELP",
        MetadataKind.Type => "TYPE",
        _ => "UNIT",
    };

    private FamilyType ParseType(ReadOnlySpan<byte> text)
    {
        if (!_openMetrics)
        {
            text = text.TrimEnd(" \t"u8);
        }
        if (text.SequenceEqual("counter"u8))
        {
            return FamilyType.Counter;
        }
        if (text.SequenceEqual("gauge"u8))
        {
            return FamilyType.Gauge;
        }
        if (text.SequenceEqual("histogram"u8))
        {
            return FamilyType.Histogram;
        }
        if (text.SequenceEqual("summary"u8))
        {
            return FamilyType.Summary;
        }
        if (_openMetrics)
        {
            if (text.SequenceEqual("unknown"u8))
            {
                return FamilyType.Untyped;
            }
            if (text.SequenceEqual("info"u8))
            {
                return FamilyType.Info;
            }
            if (text.SequenceEqual("stateset"u8))
            {
                return FamilyType.StateSet;
            }
            if (text.SequenceEqual("gaugehistogram"u8))
            {
                return FamilyType.GaugeHistogram;
            }
        }
        else if (text.SequenceEqual("untyped"u8))
        {
            return FamilyType.Untyped;
        }
        throw ParseError($"unknown metric type {Excerpt.Quote(text)}");
    }

    /// <summary>
    /// The family a HELP/TYPE/UNIT line describes; it becomes the current family. OpenMetrics forbids
    /// a family's lines to be split by another family; 0.0.4 tolerates it and merges (see README).
    /// </summary>
    private FamilyBuilder<TSample> FamilyForMetadata(string name, MetadataKind kind)
    {
        if (_current is not null && ReferenceEquals(_current.Name, name))
        {
            if (_openMetrics && _current.Samples.Count > 0)
            {
                throw ParseError($"{KindName(kind)} line for {Excerpt.Quote(name)} after its samples");
            }
            return _current;
        }
        if (_familiesByName.TryGetValue(name, out var family))
        {
            if (_openMetrics)
            {
                throw ParseError($"metric family {Excerpt.Quote(name)} appears again after another family (interleaved families)");
            }
        }
        else
        {
            family = NewFamily(name);
        }
        _current = family;
        return family;
    }

    private void SetType(FamilyBuilder<TSample> family, FamilyType type)
    {
        if (family.HasTypeLine)
        {
            if (_openMetrics || family.Type != type)
            {
                throw ParseError($"second TYPE line for {Excerpt.Quote(family.Name)}");
            }
            return;
        }
        if (family.Samples.Count > 0)
        {
            throw ParseError($"TYPE line for {Excerpt.Quote(family.Name)} after its samples");
        }
        family.Type = type;
        family.HasTypeLine = true;
    }

    private void SetHelp(FamilyBuilder<TSample> family, string help)
    {
        if (family.HasHelpLine)
        {
            if (_openMetrics || !string.Equals(family.Help, help, StringComparison.Ordinal))
            {
                throw ParseError($"second HELP line for {Excerpt.Quote(family.Name)}");
            }
            return;
        }
        family.Help = help;
        family.HasHelpLine = true;
    }

    private void SetUnit(FamilyBuilder<TSample> family, string unit)
    {
        if (family.HasUnitLine)
        {
            throw ParseError($"second UNIT line for {Excerpt.Quote(family.Name)}");
        }
        family.Unit = unit;
        family.HasUnitLine = true;
    }
}
