using System.Text;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Tests.Security;

public sealed class Sha224Tests
{
    [Fact]
    public void Sha224_of_abc_matches_fips_180_4()
    {
        Assert.Equal("23097D223405D8228642A477BDA255B32AADBCE4BDA0B3F7E36C9DA7", Convert.ToHexString(UsmKeys.Hash(AuthProtocol.Sha224, "abc"u8)));
    }

    [Fact]
    public void Hmac_sha224_matches_rfc_4231_test_case_1()
    {
        var key = Enumerable.Repeat((byte)0x0b, 20).ToArray();
        using var hmac = new UsmHmac(AuthProtocol.Sha224, key);
        var mac = new byte[28];
        hmac.Compute(Encoding.ASCII.GetBytes("Hi There"), mac);
        Assert.Equal("896FB1128ABBDF196832107CD49DF33F47B4B1169912BA4F53684B22", Convert.ToHexString(mac));
    }
}
