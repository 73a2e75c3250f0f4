using System.Net;
using Gateway.Hosting;

namespace Gateway.Tests.Host;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:9464", "127.0.0.1", 9464)]
    [InlineData("0.0.0.0:80", "0.0.0.0", 80)]
    [InlineData("[::1]:9464", "::1", 9464)]
    [InlineData("localhost:1", "127.0.0.1", 1)]
    public void Valid_addresses_parse(string text, string address, int port)
    {
        Assert.True(ListenAddress.TryParse(text, out var endPoint, out _));
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endPoint);
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("host:abc")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("example.com:80")]
    [InlineData(":")]
    [InlineData("")]
    public void Invalid_addresses_say_why(string text)
    {
        Assert.False(ListenAddress.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
