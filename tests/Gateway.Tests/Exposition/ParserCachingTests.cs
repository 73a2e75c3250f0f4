using System.Text;
using Gateway.Collector.PrometheusText;
using Gateway.Exposition;
using Gateway.Core.Metrics;

namespace Gateway.Tests.Exposition;

public sealed class ParserCachingTests
{
    private const string Body = """
        # HELP http_requests_total Requests.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027
        http_requests_total{method="get",code="200"} 3
        # TYPE h histogram
        h_bucket{le="0.1"} 1
        h_bucket{le="+Inf"} 2
        h_sum 0.3
        h_count 2
        plain 1

        """;

    [Theory]
    [InlineData(ExpositionFormat.PrometheusText)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public void Parsing_the_same_body_twice_gives_equal_families_sharing_label_sets_and_names(ExpositionFormat format)
    {
        var body = Encoding.UTF8.GetBytes(format == ExpositionFormat.OpenMetrics
            ? Body.Replace("http_requests_total Requests", "http_requests Requests", StringComparison.Ordinal)
                .Replace("TYPE http_requests_total", "TYPE http_requests", StringComparison.Ordinal) + "# EOF\n"
            : Body);
        var parser = new MetricFamilyParser(new LabelSetInterner());
        var limits = new ParserLimits();

        var first = parser.Parse(body, format, limits);
        var second = parser.Parse(body, format, limits);

        Assert.Equal(ParsedText.Render(first), ParsedText.Render(second));
        Assert.Equal(first.Count, second.Count);
        for (var f = 0; f < first.Count; f++)
        {
            Assert.Same(first[f].Name, second[f].Name);
            Assert.Same(first[f].Help, second[f].Help);
            Assert.Equal(first[f].Samples.Count, second[f].Samples.Count);
            for (var s = 0; s < first[f].Samples.Count; s++)
            {
                Assert.Same(first[f].Samples[s].Labels, second[f].Samples[s].Labels);
                Assert.Same(first[f].Samples[s].Name, second[f].Samples[s].Name);
            }
        }
    }

    [Fact]
    public void Parsers_sharing_an_interner_share_label_sets()
    {
        var interner = new LabelSetInterner();
        var body = Encoding.UTF8.GetBytes(Body);
        var a = new MetricFamilyParser(interner).Parse(body, ExpositionFormat.PrometheusText, new ParserLimits());
        var b = new MetricFamilyParser(interner).Parse(body, ExpositionFormat.PrometheusText, new ParserLimits());
        Assert.Same(a[0].Samples[0].Labels, b[0].Samples[0].Labels);
    }

    [Fact]
    public void A_different_spelling_of_a_known_series_maps_to_the_same_label_set()
    {
        var parser = new MetricFamilyParser(new LabelSetInterner());
        var limits = new ParserLimits();
        var first = parser.Parse("a{x=\"1\",y=\"2\"} 1\n"u8, ExpositionFormat.PrometheusText, limits);
        var second = parser.Parse("a{y=\"2\", x=\"1\",} 1\n"u8, ExpositionFormat.PrometheusText, limits);
        Assert.Same(first[0].Samples[0].Labels, second[0].Samples[0].Labels);
    }

    [Fact]
    public void Changed_values_and_new_series_show_up_on_the_next_parse()
    {
        var parser = new MetricFamilyParser(new LabelSetInterner());
        var limits = new ParserLimits();
        parser.Parse("# TYPE a gauge\na{x=\"1\"} 1\n"u8, ExpositionFormat.PrometheusText, limits);
        var next = parser.Parse("# TYPE a gauge\na{x=\"1\"} 5\na{x=\"2\"} 6\n"u8, ExpositionFormat.PrometheusText, limits);
        Assert.Equal("family a Gauge\n  a{x=\"1\"} 5\n  a{x=\"2\"} 6\n", ParsedText.Render(next));
    }

    [Fact]
    public void A_series_that_changes_family_type_between_scrapes_is_regrouped()
    {
        var parser = new MetricFamilyParser(new LabelSetInterner());
        var limits = new ParserLimits();
        parser.Parse("# TYPE a_sum gauge\na_sum 1\n"u8, ExpositionFormat.PrometheusText, limits);
        var next = parser.Parse("# TYPE a summary\na_sum 1\na_count 1\n"u8, ExpositionFormat.PrometheusText, limits);
        Assert.Equal("family a Summary\n  a_sum 1\n  a_count 1\n", ParsedText.Render(next));
    }

    [Fact]
    public void Many_scrapes_of_changing_series_keep_results_correct_while_the_cache_is_swept()
    {
        var parser = new MetricFamilyParser(new LabelSetInterner());
        var limits = new ParserLimits();
        for (var scrape = 0; scrape < 20; scrape++)
        {
            var text = new StringBuilder();
            for (var i = 0; i < 500; i++)
            {
                text.Append("a{scrape=\"").Append(scrape).Append("\",i=\"").Append(i).Append("\"} ").Append(i).Append('\n');
            }
            var family = Assert.Single(parser.Parse(Encoding.UTF8.GetBytes(text.ToString()), ExpositionFormat.PrometheusText, limits));
            Assert.Equal(500, family.Samples.Count);
            Assert.Equal(scrape.ToString(System.Globalization.CultureInfo.InvariantCulture), family.Samples[499].Labels.Get("scrape"));
        }
    }

    [Fact]
    public void Changing_the_format_revalidates_cached_series()
    {
        var parser = new MetricFamilyParser(new LabelSetInterner());
        var limits = new ParserLimits();
        parser.Parse("a{x=\"\\q\"} 1\n"u8, ExpositionFormat.PrometheusText, limits);
        Assert.Throws<ExpositionParseException>(() => parser.Parse("a{x=\"\\q\"} 1\n# EOF\n"u8, ExpositionFormat.OpenMetrics, limits));
    }

    [Fact]
    public void Changing_the_limits_revalidates_cached_series()
    {
        var parser = new MetricFamilyParser(new LabelSetInterner());
        parser.Parse("a{x=\"12345\"} 1\n"u8, ExpositionFormat.PrometheusText, new ParserLimits());
        var error = Assert.Throws<ExpositionParseException>(() =>
            parser.Parse("a{x=\"12345\"} 1\n"u8, ExpositionFormat.PrometheusText, new ParserLimits { MaxLabelValueLength = 2 }));
        Assert.Equal("label_limit", error.Reason);
    }
}
