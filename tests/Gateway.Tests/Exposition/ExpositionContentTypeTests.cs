using Gateway.Exposition;

namespace Gateway.Tests.Exposition;

public sealed class ExpositionContentTypeTests
{
    [Theory]
    [InlineData("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text", ExpositionFormat.OpenMetrics)]
    [InlineData("Application/OpenMetrics-Text;version=0.0.1", ExpositionFormat.OpenMetrics)]
    [InlineData("text/plain; version=0.0.4; charset=utf-8", ExpositionFormat.PrometheusText)]
    [InlineData("application/json", ExpositionFormat.PrometheusText)]
    [InlineData("", ExpositionFormat.PrometheusText)]
    [InlineData(null, ExpositionFormat.PrometheusText)]
    public void Content_type_selects_the_format(string? contentType, ExpositionFormat expected)
    {
        Assert.Equal(expected, ExpositionContentType.FromContentType(contentType));
    }

    [Fact]
    public void Accept_header_prefers_openmetrics_then_text()
    {
        Assert.Equal(
            "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
            ExpositionContentType.AcceptHeader);
    }
}
