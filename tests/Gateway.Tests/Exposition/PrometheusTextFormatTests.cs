using Gateway.Exposition;
using Gateway.Core.Metrics;

namespace Gateway.Tests.Exposition;

public sealed class PrometheusTextFormatTests
{
    private const ExpositionFormat Text = ExpositionFormat.PrometheusText;

    // The example of the Prometheus "Exposition formats" documentation, verbatim.
    private const string DocumentationExample = """
        # HELP http_requests_total The total number of HTTP requests.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post",code="400"}    3 1395066363000

        # Escaping in label values:
        msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9

        # Minimalistic line:
        metric_without_timestamp_and_labels 12.47

        # A weird metric from before the epoch:
        something_weird{problem="division by zero"} +Inf -3982045

        # A histogram, which has a pretty complex representation in the text format:
        # HELP http_request_duration_seconds A histogram of the request duration.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{le="0.05"} 24054
        http_request_duration_seconds_bucket{le="0.1"} 33444
        http_request_duration_seconds_bucket{le="0.2"} 100392
        http_request_duration_seconds_bucket{le="0.5"} 129389
        http_request_duration_seconds_bucket{le="1"} 133988
        http_request_duration_seconds_bucket{le="+Inf"} 144320
        http_request_duration_seconds_sum 53423
        http_request_duration_seconds_count 144320

        # Finally a summary, which has a complex representation, too:
        # HELP rpc_duration_seconds A summary of the RPC duration in seconds.
        # TYPE rpc_duration_seconds summary
        rpc_duration_seconds{quantile="0.01"} 3102
        rpc_duration_seconds{quantile="0.05"} 3272
        rpc_duration_seconds{quantile="0.5"} 4773
        rpc_duration_seconds{quantile="0.9"} 9001
        rpc_duration_seconds{quantile="0.99"} 76656
        rpc_duration_seconds_sum 1.7560473e+07
        rpc_duration_seconds_count 2693

        """;

    [Fact]
    public void Documentation_example_parses_into_exact_families()
    {
        var expected = """
            family http_requests_total Counter help="The total number of HTTP requests."
              http_requests_total{code="200",method="post"} 1027 @1395066363000
              http_requests_total{code="400",method="post"} 3 @1395066363000
            family msdos_file_access_time_seconds Untyped
              msdos_file_access_time_seconds{error="Cannot find file:\n\"FILE.TXT\"",path="C:\\DIR\\FILE.TXT"} 1458255915
            family metric_without_timestamp_and_labels Untyped
              metric_without_timestamp_and_labels 12.47
            family something_weird Untyped
              something_weird{problem="division by zero"} Infinity @-3982045
            family http_request_duration_seconds Histogram help="A histogram of the request duration."
              http_request_duration_seconds_bucket{le="0.05"} 24054
              http_request_duration_seconds_bucket{le="0.1"} 33444
              http_request_duration_seconds_bucket{le="0.2"} 100392
              http_request_duration_seconds_bucket{le="0.5"} 129389
              http_request_duration_seconds_bucket{le="1"} 133988
              http_request_duration_seconds_bucket{le="+Inf"} 144320
              http_request_duration_seconds_sum 53423
              http_request_duration_seconds_count 144320
            family rpc_duration_seconds Summary help="A summary of the RPC duration in seconds."
              rpc_duration_seconds{quantile="0.01"} 3102
              rpc_duration_seconds{quantile="0.05"} 3272
              rpc_duration_seconds{quantile="0.5"} 4773
              rpc_duration_seconds{quantile="0.9"} 9001
              rpc_duration_seconds{quantile="0.99"} 76656
              rpc_duration_seconds_sum 17560473
              rpc_duration_seconds_count 2693

            """;
        Assert.Equal(expected, ParsedText.Render(DocumentationExample, Text));
    }

    [Fact]
    public void Escaped_label_values_are_unescaped_to_raw_text()
    {
        var families = ParsedText.Parse(DocumentationExample, Text);
        var sample = families.Single(f => f.Name == "msdos_file_access_time_seconds").Samples.Single();
        Assert.Equal(@"C:\DIR\FILE.TXT", sample.Labels.Get("path"));
        Assert.Equal("Cannot find file:\n\"FILE.TXT\"", sample.Labels.Get("error"));
    }

    [Fact]
    public void Help_escapes_backslash_and_newline_only()
    {
        var families = ParsedText.Parse("# HELP a One\\ntwo \\\\ and \\\" kept\n# TYPE a gauge\na 1\n", Text);
        Assert.Equal("One\ntwo \\ and \\\" kept", families[0].Help);
    }

    [Fact]
    public void Unknown_label_value_escape_is_kept_verbatim_like_prometheus()
    {
        var families = ParsedText.Parse("a{x=\"1\\q2\"} 1\n", Text);
        Assert.Equal("1\\q2", families[0].Samples[0].Labels.Get("x"));
    }

    [Fact]
    public void Every_text_format_type_is_recognised()
    {
        var text = """
            # TYPE c counter
            c 1
            # TYPE g gauge
            g 2
            # TYPE h histogram
            h_bucket{le="+Inf"} 1
            h_sum 1
            h_count 1
            # TYPE s summary
            s{quantile="0.5"} 1
            s_sum 1
            s_count 1
            # TYPE u untyped
            u 3

            """;
        var families = ParsedText.Parse(text, Text);
        Assert.Equal(
            [MetricType.Counter, MetricType.Gauge, MetricType.Histogram, MetricType.Summary, MetricType.Untyped],
            families.Select(f => f.Type));
        Assert.Equal([1, 1, 3, 3, 1], families.Select(f => f.Samples.Count));
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("nan", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("+infinity", double.PositiveInfinity)]
    [InlineData("1e3", 1000.0)]
    [InlineData("-1.5E-3", -0.0015)]
    [InlineData("+7", 7.0)]
    [InlineData(".5", 0.5)]
    [InlineData("123456789012345678901", 123456789012345678901.0)]
    [InlineData("0", 0.0)]
    public void Sample_values_accept_floats_and_specials(string value, double expected)
    {
        var sample = ParsedText.Parse($"a {value}\n", Text)[0].Samples[0];
        Assert.Equal(expected, sample.Value);
    }

    [Fact]
    public void Timestamps_are_integer_milliseconds()
    {
        var families = ParsedText.Parse("a 1 1395066363000\nb 2 -5\nc 3\n", Text);
        Assert.Equal([1395066363000L, -5L, null], families.Select(f => f.Samples[0].TimestampMs));
    }

    [Fact]
    public void Crlf_line_endings_blank_lines_and_extra_blanks_are_tolerated()
    {
        var text = "# HELP a Help.\r\n# TYPE a gauge\r\n\r\n  \t\r\n a{ x = \"1\" , } \t 5 \t 100 \r\nb 1";
        Assert.Equal(
            "family a Gauge help=\"Help.\"\n  a{x=\"1\"} 5 @100\nfamily b Untyped\n  b 1\n",
            ParsedText.Render(text, Text));
    }

    [Fact]
    public void Trailing_comma_in_label_set_and_empty_braces_are_accepted()
    {
        Assert.Equal(
            "family a Untyped\n  a{x=\"1\",y=\"2\"} 1\nfamily b Untyped\n  b 2\n",
            ParsedText.Render("a{x=\"1\",y=\"2\",} 1\nb{} 2\n", Text));
    }

    [Fact]
    public void Other_comments_and_eof_are_ignored()
    {
        Assert.Equal(
            "family a Untyped\n  a 1\n",
            ParsedText.Render("# just a comment\n# HELPS is not a keyword\n#\n# EOF\na 1\n", Text));
    }

    [Fact]
    public void Untyped_series_names_each_form_their_own_family_unless_they_match_a_suffix()
    {
        var text = """
            a 1
            a_sum 2
            # TYPE s summary
            s_sum 1
            s_count 2
            x 3

            """;
        Assert.Equal(
            "family a Untyped\n  a 1\nfamily a_sum Untyped\n  a_sum 2\nfamily s Summary\n  s_sum 1\n  s_count 2\nfamily x Untyped\n  x 3\n",
            ParsedText.Render(text, Text));
    }

    [Fact]
    public void Counter_typed_by_series_name_keeps_the_name_and_collects_created()
    {
        var text = """
            # HELP requests_total Requests.
            # TYPE requests_total counter
            requests_total{path="/"} 5
            requests_created{path="/"} 1700000000

            """;
        Assert.Equal(
            "family requests_total Counter help=\"Requests.\"\n  requests_total{path=\"/\"} 5\n  requests_created{path=\"/\"} 1700000000\n",
            ParsedText.Render(text, Text));
    }

    [Fact]
    public void A_family_that_reappears_later_is_merged_into_its_first_group()
    {
        var text = """
            # TYPE a counter
            a{x="1"} 1
            # TYPE b gauge
            b 2
            a{x="2"} 3
            # TYPE a counter
            a{x="3"} 4

            """;
        Assert.Equal(
            "family a Counter\n  a{x=\"1\"} 1\n  a{x=\"2\"} 3\n  a{x=\"3\"} 4\nfamily b Gauge\n  b 2\n",
            ParsedText.Render(text, Text));
    }

    [Fact]
    public void Help_only_family_is_untyped_and_metadata_without_samples_is_kept()
    {
        Assert.Equal(
            "family a Untyped help=\"Only help.\"\n  a 1\nfamily b Gauge help=\"No samples.\"\n",
            ParsedText.Render("# HELP a Only help.\na 1\n# HELP b No samples.\n# TYPE b gauge\n", Text));
    }

    [Fact]
    public void Empty_input_gives_no_families()
    {
        Assert.Empty(ParsedText.Parse("", Text));
        Assert.Empty(ParsedText.Parse("\n\n# comment\n", Text));
    }

    [Fact]
    public void Utf8_label_values_and_help_are_decoded()
    {
        var families = ParsedText.Parse("# HELP a Grüße ✓\na{city=\"Zürich\",emoji=\"🚀\"} 1\n", Text);
        Assert.Equal("Grüße ✓", families[0].Help);
        Assert.Equal("Zürich", families[0].Samples[0].Labels.Get("city"));
        Assert.Equal("🚀", families[0].Samples[0].Labels.Get("emoji"));
    }
}
