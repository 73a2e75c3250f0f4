using Gateway.Exposition;
using Gateway.Core.Metrics;

namespace Gateway.Tests.Exposition;

public sealed class OpenMetricsFormatTests
{
    private const ExpositionFormat OpenMetrics = ExpositionFormat.OpenMetrics;

    [Fact]
    public void Specification_overall_example_parses_into_exact_families()
    {
        var text = """
            # TYPE acme_http_router_request_seconds summary
            # UNIT acme_http_router_request_seconds seconds
            # HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
            acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
            acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
            acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
            acme_http_router_request_seconds_sum{path="/api/v2",method="POST"} 479.3
            acme_http_router_request_seconds_count{path="/api/v2",method="POST"} 34.0
            acme_http_router_request_seconds_created{path="/api/v2",method="POST"} 1605281325.0
            # TYPE go_goroutines gauge
            # HELP go_goroutines Number of goroutines that currently exist.
            go_goroutines 69
            # TYPE process_cpu_seconds counter
            # UNIT process_cpu_seconds seconds
            # HELP process_cpu_seconds Total user and system CPU time spent in seconds.
            process_cpu_seconds_total 4.20072246e+06
            # EOF
            """;
        var expected = """
            family acme_http_router_request_seconds Summary help="Latency though all of ACME's HTTP request router." unit=seconds
              acme_http_router_request_seconds_sum{method="GET",path="/api/v1"} 9036.32
              acme_http_router_request_seconds_count{method="GET",path="/api/v1"} 807283
              acme_http_router_request_seconds_created{method="GET",path="/api/v1"} 1605281325
              acme_http_router_request_seconds_sum{method="POST",path="/api/v2"} 479.3
              acme_http_router_request_seconds_count{method="POST",path="/api/v2"} 34
              acme_http_router_request_seconds_created{method="POST",path="/api/v2"} 1605281325
            family go_goroutines Gauge help="Number of goroutines that currently exist."
              go_goroutines 69
            family process_cpu_seconds Counter help="Total user and system CPU time spent in seconds." unit=seconds
              process_cpu_seconds_total 4200722.46

            """;
        Assert.Equal(expected, ParsedText.Render(text, OpenMetrics));
    }

    [Fact]
    public void Histogram_with_exemplars_and_created_keeps_samples_and_drops_exemplars()
    {
        var text = """
            # TYPE foo histogram
            foo_bucket{le="0.01"} 0
            foo_bucket{le="0.1"} 8 # {} 0.054
            foo_bucket{le="1"} 11 # {trace_id="KOO5S4vxi0o"} 0.67
            foo_bucket{le="10"} 17 # {trace_id="oHg5SJYRHA0"} 9.8 1520879607.789
            foo_bucket{le="+Inf"} 17
            foo_count 17
            foo_sum 324789.3
            foo_created 1520430000.123
            # EOF

            """;
        var expected = """
            family foo Histogram
              foo_bucket{le="0.01"} 0
              foo_bucket{le="0.1"} 8
              foo_bucket{le="1"} 11
              foo_bucket{le="10"} 17
              foo_bucket{le="+Inf"} 17
              foo_count 17
              foo_sum 324789.3
              foo_created 1520430000.123

            """;
        Assert.Equal(expected, ParsedText.Render(text, OpenMetrics));
    }

    [Fact]
    public void Counter_family_name_excludes_total_and_keeps_created_and_exemplar_after_timestamp()
    {
        var text = """
            # TYPE foo counter
            # HELP foo A "quoted" help with \\ and\nnewline.
            foo_total 17.0 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67
            foo_created 1520430000.123 1520879607.789
            # EOF

            """;
        var expected = """
            family foo Counter help="A \"quoted\" help with \\ and\nnewline."
              foo_total 17 @1520879607789
              foo_created 1520430000.123 @1520879607789

            """;
        Assert.Equal(expected, ParsedText.Render(text, OpenMetrics));
    }

    [Fact]
    public void Every_openmetrics_type_is_recognised()
    {
        var text = """
            # TYPE a unknown
            a 1
            # TYPE b gauge
            b 2
            # TYPE c counter
            c_total 3
            # TYPE d info
            d_info{name="pretty name",version="8.2.7"} 1
            # TYPE e stateset
            e{entity="controller",e="a"} 1.0
            e{entity="controller",e="bb"} 0.0
            # TYPE f gaugehistogram
            f_bucket{le="0.01"} 20.0
            f_bucket{le="+Inf"} 42.0
            f_gcount 42.0
            f_gsum 3289.3
            # TYPE g histogram
            g_bucket{le="+Inf"} 1
            g_count 1
            g_sum 1
            # TYPE h summary
            h{quantile="0.9"} 1
            h_count 1
            h_sum 1
            # EOF
            """;
        var families = ParsedText.Parse(text, OpenMetrics);
        Assert.Equal(
            [MetricType.Untyped, MetricType.Gauge, MetricType.Counter, MetricType.Info, MetricType.StateSet,
             MetricType.GaugeHistogram, MetricType.Histogram, MetricType.Summary],
            families.Select(f => f.Type));
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h"], families.Select(f => f.Name));
        Assert.Equal([1, 1, 1, 1, 2, 4, 3, 3], families.Select(f => f.Samples.Count));
        Assert.Equal("d_info", families[3].Samples[0].Name);
        Assert.Equal("pretty name", families[3].Samples[0].Labels.Get("name"));
    }

    [Theory]
    [InlineData("1520879607.789", 1520879607789L)]
    [InlineData("1520879607", 1520879607000L)]
    [InlineData("1520879607.7", 1520879607700L)]
    [InlineData("1520879607.78912", 1520879607789L)]
    [InlineData("-1.5", -1500L)]
    [InlineData("1.5e3", 1500000L)]
    public void Timestamps_are_seconds_converted_to_milliseconds(string timestamp, long expectedMs)
    {
        var sample = ParsedText.Parse($"a 1 {timestamp}\n# EOF\n", OpenMetrics)[0].Samples[0];
        Assert.Equal(expectedMs, sample.TimestampMs);
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1.5e-3", 0.0015)]
    public void Special_values_parse(string value, double expected)
    {
        Assert.Equal(expected, ParsedText.Parse($"a {value}\n# EOF\n", OpenMetrics)[0].Samples[0].Value);
    }

    [Fact]
    public void Eof_without_final_newline_and_empty_exposition_are_accepted()
    {
        Assert.Single(ParsedText.Parse("a 1\n# EOF", OpenMetrics));
        Assert.Empty(ParsedText.Parse("# EOF\n", OpenMetrics));
    }

    [Fact]
    public void Label_value_escapes_are_decoded()
    {
        var sample = ParsedText.Parse("a{x=\"q\\\"\\\\\\n\"} 1\n# EOF\n", OpenMetrics)[0].Samples[0];
        Assert.Equal("q\"\\\n", sample.Labels.Get("x"));
    }

    [Fact]
    public void Samples_without_metadata_are_unknown_families_named_by_the_series()
    {
        Assert.Equal(
            "family x_total Untyped\n  x_total 1\nfamily y Untyped\n  y 2\n",
            ParsedText.Render("x_total 1\ny 2\n# EOF\n", OpenMetrics));
    }

    [Fact]
    public void Other_comments_are_ignored()
    {
        Assert.Single(ParsedText.Parse("# a comment\na 1\n# EOF\n", OpenMetrics));
    }

    [Fact]
    public void Trailing_comma_and_empty_label_values_are_accepted()
    {
        Assert.Equal(
            "family a Untyped\n  a{x=\"\",y=\"2\"} 1\n",
            ParsedText.Render("a{x=\"\",y=\"2\",} 1\n# EOF\n", OpenMetrics));
    }

    [Fact]
    public void Exemplars_are_rejected_in_the_text_format()
    {
        var error = ParsedText.Error("a_total 1 # {trace_id=\"x\"} 1\n", ExpositionFormat.PrometheusText);
        Assert.Equal("line 1: invalid timestamp \"#\" (expected integer milliseconds)", error.Message);
    }
}
