using System.Net;
using Gateway.Core.Alarms;
using Gateway.Hosting;

namespace Gateway.Tests.Host;

public sealed class GatewayExternalUrlTests
{
    [Fact]
    public void The_configured_external_url_is_the_base_of_alarm_links() =>
        Assert.Equal("https://gw.example.org/ops/api/v1/alarms/0123456789abcdef",
            GatewayExternalUrl.Links(new GatewayOptions { ExternalUrl = "https://gw.example.org/ops/" }).For("0123456789abcdef"));

    [Theory]
    [InlineData("127.0.0.1:9464", "http://127.0.0.1:9464/")]
    [InlineData("[::1]:9000", "http://[::1]:9000/")]
    public void Without_one_the_listen_address_is_used(string listen, string expected) =>
        Assert.Equal(expected, GatewayExternalUrl.For(new GatewayOptions { Listen = listen }).ToString());

    [Fact]
    public void A_wildcard_listen_address_is_reached_by_the_host_name() =>
        Assert.Equal(Dns.GetHostName().ToLowerInvariant(), GatewayExternalUrl.For(new GatewayOptions { Listen = "0.0.0.0:9464" }).Host);

    [Fact]
    public void A_bad_external_url_is_a_validation_error()
    {
        var result = new GatewayOptionsValidator().Validate(null, new GatewayOptions { ExternalUrl = "gw.example.org" });

        Assert.Contains("gateway.externalUrl: \"gw.example.org\" is not an absolute http(s) URL (e.g. https://gateway.example.org)", result.Failures!);
    }

    [Fact]
    public void An_alarm_id_is_escaped_in_its_link() =>
        Assert.Equal("http://127.0.0.1:9464/api/v1/alarms/a%2Fb", AlarmLinks.Default.For("a/b"));
}
