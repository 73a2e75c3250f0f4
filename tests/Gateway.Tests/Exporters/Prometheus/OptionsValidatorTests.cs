using Gateway.Exporters.Prometheus;

namespace Gateway.Tests.Exporters.Prometheus;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new PrometheusExporterOptions();

        Assert.True(new PrometheusExporterOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("/metrics", options.Path);
        Assert.True(options.OpenMetrics);
        Assert.True(options.Gzip);
        Assert.True(options.IncludeGatewayMetrics);
        Assert.Equal("gateway", options.GatewayJob);
        Assert.Equal(Environment.MachineName, options.EffectiveGatewayInstance);
    }

    [Theory]
    [InlineData("metrics", "exporters.prometheus.path: must start with \"/\"")]
    [InlineData("", "exporters.prometheus.path: must not be empty")]
    [InlineData("/metrics?x=1", "exporters.prometheus.path: \"/metrics?x=1\" must be a plain path (no spaces, query or fragment)")]
    public void A_bad_path_is_reported_with_its_yaml_path(string path, string expected)
    {
        var result = new PrometheusExporterOptionsValidator().Validate(null, new PrometheusExporterOptions { Path = path });

        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var result = new PrometheusExporterOptionsValidator().Validate(null, new PrometheusExporterOptions { Path = "x", GatewayJob = " ", GatewayInstance = "" });

        Assert.Equal(
            [
                "exporters.prometheus.path: must start with \"/\"",
                "exporters.prometheus.gatewayJob: must not be empty",
                "exporters.prometheus.gatewayInstance: must not be blank (leave it out for the host name)",
            ],
            result.Failures);
    }
}
