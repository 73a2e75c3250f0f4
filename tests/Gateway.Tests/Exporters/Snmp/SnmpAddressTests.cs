using Gateway.Exporters.Snmp;

namespace Gateway.Tests.Exporters.Snmp;

public sealed class SnmpAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:162", "127.0.0.1", 162)]
    [InlineData("nms.example", "nms.example", 162)]
    [InlineData("NMS-1.example:10162", "NMS-1.example", 10162)]
    [InlineData("[::1]:1162", "::1", 1162)]
    [InlineData("[::1]", "::1", 162)]
    public void Valid_addresses_parse_with_the_default_port(string text, string host, int port)
    {
        Assert.True(SnmpAddress.TryParse(text, 162, out var address));
        Assert.Equal(new SnmpAddress(host, port), address);
    }

    [Theory]
    [InlineData("")]
    [InlineData(":162")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("host:-1")]
    [InlineData("::1")]
    [InlineData("[::1")]
    [InlineData("[127.0.0.1]:162")]
    [InlineData("bad host:162")]
    [InlineData("udp://host:162")]
    public void Invalid_addresses_are_refused(string text)
    {
        Assert.False(SnmpAddress.TryParse(text, 162, out _));
    }

    [Fact]
    public void Only_the_agent_accepts_port_zero()
    {
        Assert.True(SnmpAddress.TryParse("127.0.0.1:0", 161, out var any, allowAnyPort: true));
        Assert.Equal(0, any.Port);
        Assert.Equal(System.Net.IPAddress.Loopback, new SnmpAddress("localhost", 1).Literal);
        Assert.Null(new SnmpAddress("nms.example", 1).Literal);
    }

    [Fact]
    public void Random_mutations_of_addresses_give_a_value_or_false_never_an_exception()
    {
        var random = new Random(1162);
        string[] seeds = ["127.0.0.1:162", "[::1]:1162", "nms.example:162", "[fe80::1%eth0]:162"];
        const string alphabet = "0123456789abcdef:.[]%-_ xyz\u00e9\u0000";
        for (var i = 0; i < 5_000; i++)
        {
            var chars = seeds[random.Next(seeds.Length)].ToCharArray().ToList();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(chars.Count + 1);
                switch (random.Next(3))
                {
                    case 0 when chars.Count > 0 && at < chars.Count:
                        chars.RemoveAt(at);
                        break;
                    case 1:
                        chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        if (at < chars.Count)
                        {
                            chars[at] = alphabet[random.Next(alphabet.Length)];
                        }
                        break;
                }
            }
            var text = new string([.. chars]);
            if (SnmpAddress.TryParse(text, 162, out var address))
            {
                Assert.InRange(address.Port, 1, 65535);
                Assert.False(string.IsNullOrEmpty(address.Host));
            }
        }
    }
}
