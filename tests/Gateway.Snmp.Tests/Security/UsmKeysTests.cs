using System.Text;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Tests.Security;

public sealed class UsmKeysTests
{
    private static readonly byte[] EngineId = Convert.FromHexString("000000000000000000000002");

    // MD5 and SHA-1: RFC 3414 appendix A.3.1/A.3.2. SHA-2: the same algorithm (RFC 7860 §9.3)
    // computed independently with Python's hashlib, since RFC 7860 publishes no vectors.
    [Theory]
    [InlineData(AuthProtocol.Md5, "9FAF3283884E92834EBC9847D8EDD963", "526F5EED9FCCE26F8964C2930787D82B")]
    [InlineData(AuthProtocol.Sha1, "9FB5CC0381497B3793528939FF788D5D79145211", "6695FEBC9288E36282235FC7151F128497B38F3F")]
    [InlineData(AuthProtocol.Sha224, "282A5867EE9AAC639AD59DF9572C7D3AC0FBC13A905B6DF07DBBF00B", "0BD8827C6E29F8065E08E09237F177E410F69B90E1782BE682075674")]
    [InlineData(AuthProtocol.Sha256, "AB51014D1E077F6017DF2B12BEE5F5AA72993177E9BB569C4DFF5A4CA0B4AFAC", "8982E0E549E866DB361A6B625D84CCCC11162D453EE8CE3A6445C2D6776F0F8B")]
    [InlineData(AuthProtocol.Sha384, "E06ECCDF2C68A06ED034723C9C26E0DB3B669E1E2EFED49150B55377A2E98F383C86FB836857444654B287C93F51FF64", "3B298F16164A11184279D5432BF169E2D2A48307DE02B3D3F7E2B4F36EB6F0455A53689A3937EEA07319A633D2CCBA78")]
    [InlineData(AuthProtocol.Sha512, "7E4396DE5AADC77BE853819B98C9406265B3A9C37CC3176569847A4E4F6FBA63DD3A73D04924D31A63F95A601F9385AF6BE4ED1B37F87D040F7C6ED6F8D38A91", "22A5A36CEDFCC085807A128D7BC6C2382167AD6C0DBC5FDFF856740F3D84C099AD1EA87A8DB096714D9788BD544047C9021E4229CE27E4C0A69250ADFCFFBB0B")]
    public void Maplesyrup_gives_the_published_master_and_localized_keys(AuthProtocol protocol, string ku, string kul)
    {
        var master = UsmKeys.PasswordToKey(protocol, Encoding.ASCII.GetBytes("maplesyrup"));
        Assert.Equal(ku, Convert.ToHexString(master));
        Assert.Equal(kul, Convert.ToHexString(UsmKeys.Localize(protocol, master, EngineId)));
    }

    [Fact]
    public void A_user_exposes_the_localized_key_for_an_engine()
    {
        var user = new UsmUser("u", AuthProtocol.Sha1, "maplesyrup", PrivProtocol.Aes128, "maplesyrup");
        var keys = user.Localize(EngineId);
        Assert.Equal("6695FEBC9288E36282235FC7151F128497B38F3F", Convert.ToHexString(keys.AuthKey!));
        Assert.Equal("6695FEBC9288E36282235FC7151F1284", Convert.ToHexString(keys.PrivKey!));
        Assert.Same(keys, user.Localize(EngineId));
    }

    [Fact]
    public void Aes256_with_sha1_extends_the_key_by_hashing_it()
    {
        var user = new UsmUser("u", AuthProtocol.Sha1, "maplesyrup", PrivProtocol.Aes256, "maplesyrup");
        var kul = Convert.FromHexString("6695FEBC9288E36282235FC7151F128497B38F3F");
#pragma warning disable CA5350 // the vector needs SHA-1
        var expected = kul.Concat(System.Security.Cryptography.SHA1.HashData(kul)).Take(32).ToArray();
#pragma warning restore CA5350
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(user.Localize(EngineId).PrivKey!));
    }

    [Fact]
    public void Short_passphrases_are_refused_without_echoing_them()
    {
        var ex = Assert.Throws<ArgumentException>(() => new UsmUser("u", AuthProtocol.Sha256, "short"));
        Assert.DoesNotContain("short", ex.Message.Replace("shorter", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("u (Sha256/Aes128)", new UsmUser("u", AuthProtocol.Sha256, "longenough", PrivProtocol.Aes128, "longenough2").ToString());
    }
}
