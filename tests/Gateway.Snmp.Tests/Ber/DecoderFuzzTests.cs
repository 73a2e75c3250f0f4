using Gateway.Snmp.Ber;
using Gateway.Snmp.Engine;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;
using Gateway.Snmp.Tests.Infrastructure;

namespace Gateway.Snmp.Tests.Ber;

public sealed class DecoderFuzzTests
{
    private static readonly byte[] EngineId = SnmpEngineId.FromText(99999, "fuzz");

    public static TheoryData<string> Seeds => ["v2c-get", "v2c-bulk", "v1-trap", "v3-authpriv", "v3-discovery", "random"];

    private static byte[] Seed(string name, Random random) => name switch
    {
        "v2c-get" => SamplePackets.V2cGet(),
        "v2c-bulk" => SamplePackets.V2cBulk(),
        "v1-trap" => SamplePackets.V1Trap(),
        "v3-authpriv" => SamplePackets.V3Get(EngineId, 1, 1, new UsmUser("gwuser", AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes128, "privpass123")),
        "v3-discovery" => SamplePackets.V3Discovery(),
        _ => Enumerable.Range(0, random.Next(1, 200)).Select(_ => (byte)random.Next(256)).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_messages_decode_or_raise_only_SnmpDecodeException(string seed)
    {
        var random = new Random(seed.Length * 7919);
        var valid = Seed(seed, random);
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < 4000; i++)
        {
            var input = seed == "random" ? Seed(seed, random) : SamplePackets.Mutate(valid, random);
            try
            {
                var message = SnmpMessageCodec.Decode(input);
                if (message is V3Message { EncryptedPdu.Length: > 0 } v3)
                {
                    // Decrypted garbage must also only fail with the typed exception.
                    try
                    {
                        SnmpMessageCodec.DecodeScopedPdu(v3.EncryptedPdu.Span);
                    }
                    catch (SnmpDecodeException)
                    {
                    }
                }

                decoded++;
            }
            catch (SnmpDecodeException)
            {
                rejected++;
            }
        }

        Assert.Equal(4000, decoded + rejected);
        Assert.True(rejected > 0);
    }
}
