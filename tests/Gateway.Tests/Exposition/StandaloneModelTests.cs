using System.Text;
using Gateway.Exposition;

namespace Gateway.Tests.Exposition;

/// <summary>The parser builds whatever model it is given: here plain strings, nothing of Gateway.Core.</summary>
public sealed class StandaloneModelTests
{
    [Fact]
    public void A_model_of_plain_strings_gets_every_family_and_sample_in_input_order()
    {
        var parser = new ExpositionParser<string, string, string>(new TextModel());
        var body = Encoding.UTF8.GetBytes("""
            # HELP http_requests Requests.
            # TYPE http_requests counter
            http_requests_total{method="post",code="200"} 1027 1700000000.5
            # TYPE up gauge
            up 1
            # EOF

            """);

        var families = parser.Parse(body, ExpositionFormat.OpenMetrics, ParserLimits.Default);

        Assert.Equal(
            [
                "http_requests Counter \"Requests.\" [http_requests_total{code=200,method=post} 1027 @1700000000500]",
                "up Gauge \"\" [up{} 1 @]",
            ],
            families);
    }

    [Fact]
    public void Label_values_reach_the_model_for_error_messages()
    {
        var parser = new ExpositionParser<string, string, string>(new TextModel());
        var body = Encoding.UTF8.GetBytes("# TYPE h histogram\nh_bucket{le=\"x\"} 1\n# EOF\n");

        var error = Assert.Throws<ExpositionParseException>(() => parser.Parse(body, ExpositionFormat.OpenMetrics, ParserLimits.Default));

        Assert.Equal("line 2: histogram bucket \"h_bucket\" has \"le\" value \"x\" that is not a float", error.Message);
    }

    private sealed class TextModel : IExpositionModel<string, string, string>
    {
        public string Intern(ReadOnlySpan<char> text) => string.Intern(text.ToString());

        public string CreateLabels(ReadOnlySpan<ExpositionLabel> labels)
        {
            var parts = new string[labels.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = labels[i].Name + "=" + labels[i].Value;
            }
            return "{" + string.Join(',', parts) + "}";
        }

        public string? LabelValue(string labels, string name)
        {
            foreach (var pair in labels.Trim('{', '}').Split(','))
            {
                if (pair.StartsWith(name + "=", StringComparison.Ordinal))
                {
                    return pair[(name.Length + 1)..];
                }
            }
            return null;
        }

        public string CreateSample(string name, string labels, double value, long? timestampMs) =>
            FormattableString.Invariant($"{name}{labels} {value} @{timestampMs}");

        public string CreateFamily(string name, FamilyType type, string help, string unit, List<string> samples) =>
            $"{name} {type} \"{help}\" [{string.Join("; ", samples)}]";
    }
}
