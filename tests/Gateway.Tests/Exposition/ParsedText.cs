using System.Globalization;
using System.Text;
using Gateway.Collector.PrometheusText;
using Gateway.Exposition;
using Gateway.Core.Metrics;

namespace Gateway.Tests.Exposition;

/// <summary>Parses test input and renders the families as one canonical text, for exact-result asserts.</summary>
internal static class ParsedText
{
    public static IReadOnlyList<MetricFamily> Parse(string text, ExpositionFormat format, ParserLimits? limits = null) =>
        new MetricFamilyParser(new LabelSetInterner()).Parse(Encoding.UTF8.GetBytes(text), format, limits ?? new ParserLimits());

    public static string Render(string text, ExpositionFormat format) => Render(Parse(text, format));

    public static ExpositionParseException Error(string text, ExpositionFormat format, ParserLimits? limits = null) =>
        Assert.Throws<ExpositionParseException>(() => Parse(text, format, limits));

    public static string Render(IReadOnlyList<MetricFamily> families)
    {
        var builder = new StringBuilder();
        foreach (var family in families)
        {
            builder.Append("family ").Append(family.Name).Append(' ').Append(family.Type);
            if (family.Help.Length > 0)
            {
                builder.Append(" help=").Append(Quote(family.Help));
            }
            if (family.Unit.Length > 0)
            {
                builder.Append(" unit=").Append(family.Unit);
            }
            builder.Append('\n');
            foreach (var sample in family.Samples)
            {
                builder.Append("  ").Append(sample.Name);
                if (sample.Labels.Count > 0)
                {
                    builder.Append('{')
                        .AppendJoin(',', sample.Labels.Select(l => l.Name + "=" + Quote(l.Value)))
                        .Append('}');
                }
                builder.Append(' ').Append(sample.Value.ToString("R", CultureInfo.InvariantCulture));
                if (sample.TimestampMs is { } ts)
                {
                    builder.Append(" @").Append(ts.ToString(CultureInfo.InvariantCulture));
                }
                builder.Append('\n');
            }
        }
        return builder.ToString();
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
