using System.Text;
using Gateway.Exposition;

namespace Gateway.Tests.Exposition;

public sealed class ParserLimitTests
{
    [Theory]
    [InlineData(ExpositionFormat.PrometheusText, "")]
    [InlineData(ExpositionFormat.OpenMetrics, "# EOF\n")]
    public void Sample_limit_is_reported_on_the_first_sample_over_it(ExpositionFormat format, string eof)
    {
        var limits = new ParserLimits { MaxSamples = 2 };
        Assert.Equal(2, ParsedText.Parse("a 1\nb 2\n" + eof, format, limits).Sum(f => f.Samples.Count));
        var error = ParsedText.Error("# TYPE a gauge\na 1\nb 2\nc 3\n" + eof, format, limits);
        Assert.Equal("sample_limit", error.Reason);
        Assert.Equal(4, error.Line);
        Assert.Equal("line 4: more than 2 samples (sample limit)", error.Message);
    }

    [Fact]
    public void Label_count_limit()
    {
        var limits = new ParserLimits { MaxLabelsPerSample = 2 };
        Assert.Single(ParsedText.Parse("a{x=\"1\",y=\"2\"} 1\n", ExpositionFormat.PrometheusText, limits));
        var error = ParsedText.Error("a 1\na{x=\"1\",y=\"2\",z=\"3\"} 1\n", ExpositionFormat.PrometheusText, limits);
        Assert.Equal("label_limit", error.Reason);
        Assert.Equal(2, error.Line);
        Assert.Equal("line 2: more than 2 labels on one sample", error.Message);
    }

    [Fact]
    public void Label_name_length_limit()
    {
        var limits = new ParserLimits { MaxLabelNameLength = 3 };
        Assert.Single(ParsedText.Parse("a{abc=\"1\"} 1\n", ExpositionFormat.PrometheusText, limits));
        var error = ParsedText.Error("a{abcd=\"1\"} 1\n", ExpositionFormat.PrometheusText, limits);
        Assert.Equal("label_limit", error.Reason);
        Assert.Equal("line 1: label name length 4 exceeds the limit of 3 bytes: \"abcd\"", error.Message);
    }

    [Fact]
    public void Label_value_length_limit_counts_bytes_as_written()
    {
        var limits = new ParserLimits { MaxLabelValueLength = 4 };
        Assert.Single(ParsedText.Parse("a{x=\"\\\\\\\\\"} 1\n", ExpositionFormat.PrometheusText, limits));
        var error = ParsedText.Error("a{x=\"12345\"} 1\n", ExpositionFormat.PrometheusText, limits);
        Assert.Equal("label_limit", error.Reason);
        Assert.Equal("line 1: value of label \"x\" is 5 bytes, over the limit of 4", error.Message);
    }

    [Fact]
    public void Exemplar_labels_are_held_to_the_same_limits()
    {
        var limits = new ParserLimits { MaxLabelValueLength = 4 };
        var error = ParsedText.Error("a 1 # {id=\"123456\"} 1\n# EOF\n", ExpositionFormat.OpenMetrics, limits);
        Assert.Equal("label_limit", error.Reason);
    }

    [Fact]
    public void Line_length_limit_is_a_parse_error()
    {
        var limits = new ParserLimits { MaxLineLength = 20 };
        Assert.Single(ParsedText.Parse("a{x=\"12345678901\"} 1\n", ExpositionFormat.PrometheusText, limits));
        var error = ParsedText.Error("a 1\na{x=\"123456789012\"} 1\n", ExpositionFormat.PrometheusText, limits);
        Assert.Equal("parse", error.Reason);
        Assert.Equal("line 2: line length 21 exceeds the limit of 20 bytes", error.Message);
    }

    [Fact]
    public void Zero_means_unlimited()
    {
        var limits = new ParserLimits
        {
            MaxSamples = 0,
            MaxLabelsPerSample = 0,
            MaxLabelNameLength = 0,
            MaxLabelValueLength = 0,
            MaxLineLength = 0,
        };
        var labels = string.Join(",", Enumerable.Range(0, 100).Select(i => $"l{i}{new string('n', 300)}=\"{new string('v', 5000)}\""));
        var text = new StringBuilder().Append("a{").Append(labels).Append("} 1\n").ToString();
        var family = Assert.Single(ParsedText.Parse(text, ExpositionFormat.PrometheusText, limits));
        Assert.Equal(100, family.Samples[0].Labels.Count);
    }

    [Fact]
    public void Defaults_match_the_documented_values()
    {
        var limits = new ParserLimits();
        Assert.Equal(500_000, limits.MaxSamples);
        Assert.Equal(64, limits.MaxLabelsPerSample);
        Assert.Equal(256, limits.MaxLabelNameLength);
        Assert.Equal(4096, limits.MaxLabelValueLength);
        Assert.Equal(65_536, limits.MaxLineLength);
    }
}
