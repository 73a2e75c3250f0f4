using Gateway.Collector.PrometheusText;
using Gateway.Exposition;

namespace Gateway.Tests.Exposition;

public sealed class ParseErrorTests
{
    private const ExpositionFormat Text = ExpositionFormat.PrometheusText;
    private const ExpositionFormat OpenMetrics = ExpositionFormat.OpenMetrics;

    [Theory]
    [InlineData("a 1\n1abc 2\n", 2, "expected a metric name at the start of the line, found \"1abc 2\"")]
    [InlineData("a 1\n{x=\"1\"} 2\n", 2, "expected a metric name")]
    [InlineData("a-b 1\n", 1, "invalid character in metric name \"a-\"")]
    [InlineData("a\n", 1, "missing sample value")]
    [InlineData("a{x=\"1\"}\n", 1, "missing sample value")]
    [InlineData("a abc\n", 1, "invalid sample value \"abc\"")]
    [InlineData("a 0x1p3\n", 1, "invalid sample value \"0x1p3\"")]
    [InlineData("a 1 1.5\n", 1, "invalid timestamp \"1.5\" (expected integer milliseconds)")]
    [InlineData("a 1 99999999999999999999\n", 1, "invalid timestamp")]
    [InlineData("a 1 2 3\n", 1, "unexpected text after the timestamp: \"3\"")]
    [InlineData("a{x=\"1\" 1\n", 1, "expected ',' or '}' after the value of label \"x\"")]
    [InlineData("a{x=\"1} 1\n", 1, "unterminated value of label \"x\"")]
    [InlineData("a{x} 1\n", 1, "expected '=' after label name \"x\"")]
    [InlineData("a{x=1} 1\n", 1, "expected a quoted value for label \"x\"")]
    [InlineData("a{1x=\"1\"} 1\n", 1, "expected a label name, found \"1x=\"1\"} 1\"")]
    [InlineData("a{,} 1\n", 1, "expected a label name")]
    [InlineData("a{x=\"1\",x=\"2\"} 1\n", 1, "duplicate label name \"x\"")]
    [InlineData("a{x=\"1\",y=\"2\"} 1\na{y=\"2\",x=\"1\"} 2\n", 2, "duplicate series \"a{y=\"2\",x=\"1\"}\"")]
    [InlineData("a{x=\"1\"} 1\na{x=\"1\"} 2\n", 2, "duplicate series \"a{x=\"1\"}\"")]
    [InlineData("# TYPE a gauge\n# TYPE a counter\n", 2, "second TYPE line for \"a\"")]
    [InlineData("# HELP a one\n# HELP a two\n", 2, "second HELP line for \"a\"")]
    [InlineData("a 1\n# TYPE a gauge\n", 2, "TYPE line for \"a\" after its samples")]
    [InlineData("# TYPE a foo\n", 1, "unknown metric type \"foo\"")]
    [InlineData("# TYPE a info\n", 1, "unknown metric type \"info\"")]
    [InlineData("# TYPE\n", 1, "TYPE line without a metric name")]
    [InlineData("# HELP 1a x\n", 1, "invalid metric name in HELP line")]
    [InlineData("# TYPE h histogram\nh 1\n", 2, "sample name \"h\" is not valid for metric family \"h\" of type histogram")]
    public void Malformed_text_format_is_a_parse_error_with_line_and_message(string input, int line, string message)
    {
        var error = ParsedText.Error(input, Text);
        Assert.Equal("parse", error.Reason);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a{x=\"\\q\"} 1\n# EOF\n", 1, "invalid label value escape \"\\q\"")]
    [InlineData("# HELP a bad \\t\n# EOF\n", 1, "invalid HELP text escape \"\\t\"")]
    [InlineData("a 1\n", 2, "missing # EOF at the end of the OpenMetrics exposition")]
    [InlineData("", 1, "missing # EOF")]
    [InlineData("a 1\n# EOF\nb 2\n", 3, "content after # EOF")]
    [InlineData("a 1\n# EOF\n\n", 3, "content after # EOF")]
    [InlineData("a 1\n\n# EOF\n", 2, "empty line (not allowed in OpenMetrics)")]
    [InlineData("a 1\r\n# EOF\n", 1, "carriage return")]
    [InlineData("a  1\n# EOF\n", 1, "expected one space before the sample value")]
    [InlineData("a\t1\n# EOF\n", 1, "invalid character in metric name")]
    [InlineData("a 1 \n# EOF\n", 1, "invalid timestamp \"\"")]
    [InlineData("a{x = \"1\"} 1\n# EOF\n", 1, "expected '=' after label name \"x\"")]
    [InlineData("a 1 1000 2\n# EOF\n", 1, "unexpected text after the timestamp: \" 2\"")]
    [InlineData("a 1 # x\n# EOF\n", 1, "invalid exemplar \"# x\"")]
    [InlineData("a 1 # {} \n# EOF\n", 1, "invalid exemplar value")]
    [InlineData("a 1 # {x=\"\\q\"} 1\n# EOF\n", 1, "invalid label value escape \"\\q\"")]
    [InlineData("a 1 NaN\n# EOF\n", 1, "invalid timestamp \"NaN\" (expected seconds)")]
    [InlineData("# TYPE c counter\nc 1\n# EOF\n", 2, "sample name \"c\" is not valid for metric family \"c\" of type counter")]
    [InlineData("# TYPE c counter\nc_total 1\n# TYPE c counter\n# EOF\n", 3, "TYPE line for \"c\" after its samples")]
    [InlineData("# TYPE a gauge\n# TYPE a gauge\n# EOF\n", 2, "second TYPE line for \"a\"")]
    [InlineData("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x=\"1\"} 2\n# EOF\n", 5, "interleaved families")]
    [InlineData("# TYPE a gauge\na 1\n# TYPE b gauge\n# HELP a again\n# EOF\n", 4, "interleaved families")]
    [InlineData("# TYPE a untyped\n# EOF\n", 1, "unknown metric type \"untyped\"")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"x\"} 1\n# EOF\n", 2, "has \"le\" value \"x\" that is not a float")]
    [InlineData("# TYPE h histogram\nh_bucket 1\n# EOF\n", 2, "without an \"le\" label")]
    [InlineData("# TYPE h gaugehistogram\nh_bucket{le=\"\"} 1\n# EOF\n", 2, "that is not a float")]
    [InlineData("# TYPE s summary\ns{quantile=\"high\"} 1\n# EOF\n", 2, "has \"quantile\" value \"high\" that is not a float")]
    [InlineData("# TYPE s summary\ns 1\n# EOF\n", 2, "without a \"quantile\" label")]
    [InlineData("# EOF trailing\n", 1, "unexpected text after # EOF")]
    public void Malformed_openmetrics_is_a_parse_error_with_line_and_message(string input, int line, string message)
    {
        var error = ParsedText.Error(input, OpenMetrics);
        Assert.Equal("parse", error.Reason);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_quote_at_most_eighty_bytes_of_hostile_input_and_escape_control_bytes()
    {
        var junk = "\u0001" + new string('x', 10_000);
        var error = ParsedText.Error($"a {junk}\n", Text);
        Assert.Contains("invalid sample value \"\\x01xxx", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Fact]
    public void Invalid_utf8_in_help_is_a_parse_error()
    {
        var bytes = "# HELP a bad "u8.ToArray().Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        var parser = new MetricFamilyParser(new Gateway.Core.Metrics.LabelSetInterner());
        var error = Assert.Throws<ExpositionParseException>(() => parser.Parse(bytes, Text, new ParserLimits()));
        Assert.Equal("line 1: invalid UTF-8 in HELP text", error.Message);
    }

    [Fact]
    public void Invalid_utf8_in_label_value_is_a_parse_error()
    {
        var bytes = "a{x=\""u8.ToArray().Concat(new byte[] { 0xFF }).Concat("\"} 1\n"u8.ToArray()).ToArray();
        var parser = new MetricFamilyParser(new Gateway.Core.Metrics.LabelSetInterner());
        var error = Assert.Throws<ExpositionParseException>(() => parser.Parse(bytes, Text, new ParserLimits()));
        Assert.Equal("line 1: invalid UTF-8 in label value", error.Message);
    }

    [Fact]
    public void A_parser_recovers_after_an_error()
    {
        var parser = new MetricFamilyParser(new Gateway.Core.Metrics.LabelSetInterner());
        var limits = new ParserLimits();
        Assert.Throws<ExpositionParseException>(() => parser.Parse("a{x=\"1\"} 1\na{x=\"1\"} 1\n"u8, Text, limits));
        var families = parser.Parse("a{x=\"1\"} 1\n"u8, Text, limits);
        Assert.Single(Assert.Single(families).Samples);
    }
}
