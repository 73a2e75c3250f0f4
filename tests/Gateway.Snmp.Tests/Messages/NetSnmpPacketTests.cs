using Gateway.Snmp.Ber;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;
using Gateway.Snmp.Tests.Infrastructure;

namespace Gateway.Snmp.Tests.Messages;

/// <summary>Decodes what net-snmp's snmptrap really sends, captured on a socket we own.</summary>
public sealed class NetSnmpPacketTests
{
    private const string EngineIdHex = "80001F8880C0FFEE0000000001";

    private static async Task<byte[]> CaptureAsync(params string[] args)
    {
        using var capture = new UdpCapture();
        // Armed before snmptrap starts, so the bound covers starting the tool too: a hang guard, not a speed limit.
        var receive = capture.ReceiveAsync(TimeSpan.FromSeconds(60));
        var all = args.Select(a => a.Replace("{target}", $"127.0.0.1:{capture.Port}", StringComparison.Ordinal)).ToArray();
        var result = await ProcessRunner.RunAsync(NetSnmpTools.SnmpTrap, all);
        Assert.True(result.ExitCode == 0, result.StdErr);
        return await receive;
    }

    [Fact]
    public async Task A_v2c_trap_from_snmptrap_decodes_and_re_encodes_to_the_same_bytes()
    {
        var bytes = await CaptureAsync("-v", "2c", "-c", "public", "-On", "{target}", "4242", "1.3.6.1.4.1.99999.0.1",
            "1.3.6.1.4.1.99999.1.1.1.2.7", "s", "alarm-7",
            "1.3.6.1.4.1.99999.1.1.1.6.7", "i", "4",
            "1.3.6.1.2.1.2.2.1.10.1", "c", "4294967295",
            "1.3.6.1.2.1.1.2.0", "o", "1.3.6.1.4.1.99999",
            "1.3.6.1.2.1.4.20.1.1.1", "a", "10.1.2.3",
            "1.3.6.1.2.1.25.1.1.0", "t", "123456",
            "1.3.6.1.2.1.2.2.1.5.1", "u", "3000000000");

        var message = Assert.IsType<CommunityMessage>(SnmpMessageCodec.Decode(bytes));
        var pdu = Assert.IsType<SnmpPdu>(message.Pdu);
        Assert.Equal(PduType.SnmpV2Trap, pdu.Type);
        Assert.Equal(new VarBind(SnmpOids.SysUpTime0, SnmpValue.TimeTicks(4242)), pdu.VarBinds[0]);
        Assert.Equal(new VarBind(SnmpOids.SnmpTrapOid0, SnmpValue.Oid(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.0.1"))), pdu.VarBinds[1]);
        Assert.Equal("alarm-7", pdu.VarBinds[2].Value.AsString());
        Assert.Equal(4, pdu.VarBinds[3].Value.AsInt32());
        Assert.Equal(SnmpValue.Counter32(uint.MaxValue), pdu.VarBinds[4].Value);
        Assert.Equal("1.3.6.1.4.1.99999", pdu.VarBinds[5].Value.AsOid().ToString());
        Assert.Equal("10.1.2.3", pdu.VarBinds[6].Value.ToString());
        Assert.Equal(SnmpValue.TimeTicks(123456), pdu.VarBinds[7].Value);
        Assert.Equal(SnmpValue.Gauge32(3000000000), pdu.VarBinds[8].Value);

        var writer = new BerWriter();
        SnmpMessageCodec.WriteCommunity(writer, SnmpVersion.V2c, message.Community, pdu);
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(writer.WrittenSpan));
    }

    [Fact]
    public async Task A_v1_trap_from_snmptrap_decodes()
    {
        var bytes = await CaptureAsync("-v", "1", "-c", "public", "{target}", "1.3.6.1.4.1.99999", "10.9.8.7", "6", "3", "777",
            "1.3.6.1.4.1.99999.1.1.1.2.7", "s", "x");
        var message = Assert.IsType<CommunityMessage>(SnmpMessageCodec.Decode(bytes));
        var trap = Assert.IsType<TrapV1Pdu>(message.Pdu);
        Assert.Equal("1.3.6.1.4.1.99999", trap.Enterprise.ToString());
        Assert.Equal(new byte[] { 10, 9, 8, 7 }, trap.AgentAddress);
        Assert.Equal((6, 3, 777u), (trap.GenericTrap, trap.SpecificTrap, trap.TimeStamp));
        var writer = new BerWriter();
        SnmpMessageCodec.WriteCommunity(writer, SnmpVersion.V1, message.Community, trap);
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(writer.WrittenSpan));
    }

    [Theory]
    [InlineData("MD5", AuthProtocol.Md5, "AES", PrivProtocol.Aes128)]
    [InlineData("SHA", AuthProtocol.Sha1, "AES", PrivProtocol.Aes128)]
    [InlineData("SHA-224", AuthProtocol.Sha224, "AES-192", PrivProtocol.Aes192)]
    [InlineData("SHA-256", AuthProtocol.Sha256, "AES", PrivProtocol.Aes128)]
    [InlineData("SHA-384", AuthProtocol.Sha384, "AES-256", PrivProtocol.Aes256)]
    [InlineData("SHA-512", AuthProtocol.Sha512, "AES", PrivProtocol.Aes128)]
    [InlineData("SHA", AuthProtocol.Sha1, "AES-256", PrivProtocol.Aes256)]
    [InlineData("MD5", AuthProtocol.Md5, "AES-192", PrivProtocol.Aes192)]
    [InlineData("SHA", AuthProtocol.Sha1, "AES256C", PrivProtocol.Aes256Cisco)]
    [InlineData("MD5", AuthProtocol.Md5, "AES192C", PrivProtocol.Aes192Cisco)]
    [InlineData("SHA-256", AuthProtocol.Sha256, "AES256C", PrivProtocol.Aes256Cisco)]
    public async Task A_v3_authPriv_trap_from_snmptrap_authenticates_and_decrypts_with_our_keys(string a, AuthProtocol auth, string x, PrivProtocol priv)
    {
        var bytes = await CaptureAsync("-v", "3", "-e", "0x" + EngineIdHex, "-u", "gwuser", "-l", "authPriv",
            "-a", a, "-A", "authpass123", "-x", x, "-X", "privpass123", "{target}", "99", "1.3.6.1.4.1.99999.0.3",
            "1.3.6.1.4.1.99999.1.1.1.2.7", "s", "secret alarm");

        var message = Assert.IsType<V3Message>(SnmpMessageCodec.Decode(bytes));
        Assert.Equal(MessageFlags.Auth | MessageFlags.Priv, message.Flags);
        Assert.Equal(EngineIdHex, Convert.ToHexString(message.Security.AuthoritativeEngineId));
        Assert.Equal(auth.MacLength(), message.Security.AuthenticationParameters.Length);
        var user = new UsmUser("gwuser", auth, "authpass123", priv, "privpass123");
        var keys = user.Localize(message.Security.AuthoritativeEngineId);
        Assert.Equal(UsmStatus.Ok, UsmIncoming.Unprotect(message, bytes, keys, out var scoped));
        var pdu = scoped!.Pdu;
        Assert.Equal(PduType.SnmpV2Trap, pdu.Type);
        Assert.Equal("secret alarm", pdu.VarBinds[2].Value.AsString());

        var wrong = new UsmUser("gwuser", auth, "authpass124", priv, "privpass123");
        Assert.Equal(UsmStatus.WrongDigest, UsmIncoming.Unprotect(message, bytes, wrong.Localize(message.Security.AuthoritativeEngineId), out _));
    }
}
