using Gateway.Exposition;
using Microsoft.Extensions.Primitives;

namespace Gateway.Tests.Exposition;

public sealed class ContentNegotiationTests
{
    private const string Prometheus242 =
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    [Theory]
    [InlineData(Prometheus242, ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text", ExpositionFormat.OpenMetrics)]
    [InlineData("text/plain;version=0.0.4;q=0.9,application/openmetrics-text;version=1.0.0;q=0.8", ExpositionFormat.PrometheusText)]
    [InlineData("text/plain;q=0.5,application/openmetrics-text;q=0.5", ExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text;q=0.5,text/plain;q=0.5", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;version=0.0.1,text/plain;q=0.1", ExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text;version=1.0.0;q=0", ExpositionFormat.PrometheusText)]
    [InlineData("application/json", ExpositionFormat.PrometheusText)]
    [InlineData("*/*", ExpositionFormat.PrometheusText)]
    [InlineData("", ExpositionFormat.PrometheusText)]
    [InlineData("this is ;;; not a header,,,", ExpositionFormat.PrometheusText)]
    public void The_highest_quality_acceptable_format_wins(string accept, ExpositionFormat expected)
    {
        Assert.Equal(expected, ExpositionContentType.Negotiate(new StringValues(accept), allowOpenMetrics: true));
    }

    [Fact]
    public void OpenMetrics_is_not_chosen_when_disabled()
    {
        Assert.Equal(ExpositionFormat.PrometheusText, ExpositionContentType.Negotiate(new StringValues(Prometheus242), allowOpenMetrics: false));
    }

    [Fact]
    public void Several_accept_header_values_are_read_together()
    {
        var accept = new StringValues(["text/plain;version=0.0.4;q=0.5", "application/openmetrics-text;version=1.0.0"]);

        Assert.Equal(ExpositionFormat.OpenMetrics, ExpositionContentType.Negotiate(accept, allowOpenMetrics: true));
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip, deflate, br", true)]
    [InlineData("br;q=1.0, gzip;q=0.8", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("*", true)]
    [InlineData("identity", false)]
    [InlineData("", false)]
    public void Gzip_is_used_when_accepted_with_a_positive_quality(string acceptEncoding, bool expected)
    {
        Assert.Equal(expected, ExpositionContentType.AcceptsGzip(new StringValues(acceptEncoding)));
    }

    [Fact]
    public void Content_types_name_the_format_versions()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", ExpositionContentType.ContentType(ExpositionFormat.PrometheusText));
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionContentType.ContentType(ExpositionFormat.OpenMetrics));
    }

    [Fact]
    public void Mutated_accept_headers_never_throw()
    {
        var random = new Random(4242);
        var alphabet = "abcdefghijklmnopqrstuvwxyz/*;=,.\"0123456789 \t-+q".ToCharArray();
        for (var i = 0; i < 5000; i++)
        {
            var chars = Prometheus242.ToCharArray();
            var mutations = random.Next(1, 8);
            for (var m = 0; m < mutations; m++)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }
            var header = new string(chars, 0, random.Next(chars.Length + 1));

            var format = ExpositionContentType.Negotiate(new StringValues(header), allowOpenMetrics: true);
            var gzip = ExpositionContentType.AcceptsGzip(new StringValues(header));

            Assert.True(Enum.IsDefined(format));
            Assert.False(gzip && !header.Contains("gzip", StringComparison.OrdinalIgnoreCase) && !header.Contains('*', StringComparison.Ordinal));
        }
    }
}
