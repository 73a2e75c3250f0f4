using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfExporterOptionsValidatorTests
{
    private static string[] Errors(GelfExporterOptions options) =>
        new GelfExporterOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void A_udp_endpoint_with_the_defaults_is_valid() =>
        Assert.Empty(Errors(new GelfExporterOptions { Endpoint = "udp://127.0.0.1:12201" }));

    [Fact]
    public void Every_bad_key_is_reported_with_its_yaml_path()
    {
        var errors = Errors(new GelfExporterOptions
        {
            Endpoint = "tcp://graylog:12201",
            Compression = "gzip",
            ChunkSize = 10,
            ConnectTimeout = TimeSpan.Zero,
            MaxMessageBytes = 10,
            Tls = new GelfTlsOptions { CaFile = "/nonexistent/ca.pem" },
            Headers = { ["Authorization"] = "Bearer secret-token" },
        });

        Assert.Contains("exporters.gelf.compression: GELF over TCP is not compressed (its frames end at a 0 byte); leave it out or say none", errors);
        Assert.Contains("exporters.gelf.chunkSize: must be between 64 and 65507 bytes (1420 for a WAN, 8192 on a LAN)", errors);
        Assert.Contains("exporters.gelf.connectTimeout: must be positive", errors);
        Assert.Contains("exporters.gelf.maxMessageBytes: must be at least 1024", errors);
        Assert.Contains("exporters.gelf.tls: only for a tls:// or https:// endpoint", errors);
        Assert.Contains("exporters.gelf.tls.caFile: \"/nonexistent/ca.pem\" does not exist", errors);
        Assert.Contains("exporters.gelf.headers: only for an http(s):// endpoint", errors);
        Assert.DoesNotContain(errors, e => e.Contains("secret-token", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_endpoint_and_an_unknown_compression_are_errors()
    {
        var errors = Errors(new GelfExporterOptions { Compression = "lz4" });

        Assert.Contains("exporters.gelf.endpoint: must be set (udp://host:12201, tcp://…, tls://…, http(s)://…)", errors);
        Assert.Contains("exporters.gelf.compression: \"lz4\" is not one of gzip, zlib, none", errors);
    }

    [Theory]
    [InlineData("udp://h", null, GelfCompression.Gzip)]
    [InlineData("udp://h", "none", GelfCompression.None)]
    [InlineData("tcp://h", null, GelfCompression.None)]
    [InlineData("http://h", null, GelfCompression.None)]
    [InlineData("http://h", "zlib", GelfCompression.Zlib)]
    public void Compression_defaults_to_gzip_over_udp_and_none_elsewhere(string endpoint, string? compression, GelfCompression expected)
    {
        var options = new GelfExporterOptions { Endpoint = endpoint, Compression = compression };

        Assert.Equal(expected, GelfTransportOptionsValidation.EffectiveCompression(options, GelfEndpoint.Parse(endpoint)));
    }
}
