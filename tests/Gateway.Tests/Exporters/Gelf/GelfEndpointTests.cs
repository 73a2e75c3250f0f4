using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfEndpointTests
{
    [Theory]
    [InlineData("udp://graylog:12201", GelfTransportKind.Udp, "graylog", 12201, "udp://graylog:12201")]
    [InlineData("udp://10.0.0.5", GelfTransportKind.Udp, "10.0.0.5", 12201, "udp://10.0.0.5:12201")]
    [InlineData("tcp://graylog:12202", GelfTransportKind.Tcp, "graylog", 12202, "tcp://graylog:12202")]
    [InlineData("tls://graylog:12203", GelfTransportKind.Tls, "graylog", 12203, "tls://graylog:12203")]
    [InlineData("http://graylog:12201", GelfTransportKind.Http, "graylog", 12201, "http://graylog:12201/gelf")]
    [InlineData("https://graylog/in/gelf", GelfTransportKind.Http, "graylog", 443, "https://graylog/in/gelf")]
    public void Endpoints_parse_with_default_ports_and_paths(string text, GelfTransportKind kind, string host, int port, string shown)
    {
        Assert.True(GelfEndpoint.TryParse(text, out var endpoint, out var error), error);

        Assert.Equal((kind, host, port), (endpoint.Kind, endpoint.Host, endpoint.Port));
        Assert.Equal(shown, endpoint.ToString());
    }

    [Theory]
    [InlineData(null, "must be set")]
    [InlineData("graylog:12201", "is not a URL")]
    [InlineData("ftp://graylog", "scheme \"ftp\" is not one of")]
    [InlineData("udp://graylog:12201/gelf", "without a path")]
    [InlineData("nonsense", "is not a URL")]
    public void Bad_endpoints_say_why(string? text, string message)
    {
        Assert.False(GelfEndpoint.TryParse(text, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_the_url_are_refused_without_echoing_them()
    {
        Assert.False(GelfEndpoint.TryParse("https://user:hunter2@graylog/gelf", out _, out var error));

        Assert.Equal("\"https://***@graylog/gelf\": credentials in the URL are not used; put them in headers (e.g. Authorization)", error);
    }
}
