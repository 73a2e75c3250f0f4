using System.Globalization;
using System.Text;
using Gateway.Core.Events;
using Gateway.Core.Metrics;

namespace Gateway.Core.Rules;

/// <summary>
/// A parsed description template. Placeholders: <c>{{node}}</c>, <c>{{value}}</c>, <c>{{threshold}}</c>,
/// <c>{{labels.NAME}}</c>, <c>{{rule}}</c>, <c>{{metric}}</c>, <c>{{severity}}</c>, <c>{{resource}}</c>.
/// Text outside placeholders is copied as is; a missing label renders empty.
/// </summary>
public sealed class DescriptionTemplate
{
    private readonly Segment[] _segments;

    private DescriptionTemplate(Segment[] segments)
    {
        _segments = segments;
    }

    public static bool TryParse(string template, out DescriptionTemplate? result, out string? error)
    {
        result = null;
        error = null;
        var segments = new List<Segment>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                segments.Add(new Segment(Part.Text, template[i..]));
                break;
            }
            if (open > i)
            {
                segments.Add(new Segment(Part.Text, template[i..open]));
            }
            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"\"{{{{\" at {open} is not closed";
                return false;
            }
            var name = template[(open + 2)..close].Trim();
            Segment? segment = name switch
            {
                "node" => new Segment(Part.Node, null),
                "value" => new Segment(Part.Value, null),
                "threshold" => new Segment(Part.Threshold, null),
                "rule" => new Segment(Part.Rule, null),
                "metric" => new Segment(Part.Metric, null),
                "severity" => new Segment(Part.Severity, null),
                "resource" => new Segment(Part.Resource, null),
                _ when name.StartsWith("labels.", StringComparison.Ordinal) && name.Length > 7 => new Segment(Part.Label, name[7..]),
                _ => null,
            };
            if (segment is null)
            {
                error = $"unknown placeholder {{{{{name}}}}} (known: node, value, threshold, labels.NAME, rule, metric, severity, resource)";
                return false;
            }
            segments.Add(segment);
            i = close + 2;
        }
        result = new DescriptionTemplate(segments.ToArray());
        return true;
    }

    public string Render(string rule, string metric, string node, string resource, LabelSet labels, double value, double threshold, Severity severity)
    {
        var text = new StringBuilder();
        foreach (var s in _segments)
        {
            switch (s.Kind)
            {
                case Part.Text: text.Append(s.Argument); break;
                case Part.Node: text.Append(node); break;
                case Part.Value: text.Append(Format(value)); break;
                case Part.Threshold: text.Append(Format(threshold)); break;
                case Part.Rule: text.Append(rule); break;
                case Part.Metric: text.Append(metric); break;
                case Part.Severity: text.Append(SeverityNames.Name(severity)); break;
                case Part.Resource: text.Append(resource); break;
                default: text.Append(labels.Get(s.Argument!)); break;
            }
        }
        return text.ToString();
    }

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private enum Part
    {
        Text,
        Node,
        Value,
        Threshold,
        Rule,
        Metric,
        Severity,
        Resource,
        Label,
    }

    private sealed record Segment(Part Kind, string? Argument);
}
