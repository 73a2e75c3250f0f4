using Gateway.Snmp.Ber;
using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;

namespace Gateway.Snmp.Tests.Infrastructure;

/// <summary>Valid messages to mutate in fuzz tests.</summary>
public static class SamplePackets
{
    public static byte[] V2cGet(string community = "public", int requestId = 77)
    {
        var writer = new BerWriter();
        var pdu = new SnmpPdu(PduType.GetRequest, requestId, 0, 0, [VarBind.Null(SnmpOids.SysDescr0), VarBind.Null(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.1.1.1.2.1"))]);
        SnmpMessageCodec.WriteCommunity(writer, SnmpVersion.V2c, System.Text.Encoding.UTF8.GetBytes(community), pdu);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] V2cBulk()
    {
        var writer = new BerWriter();
        var pdu = new SnmpPdu(PduType.GetBulkRequest, 78, 1, 5, [VarBind.Null(SnmpOids.SysDescr0), VarBind.Null(ObjectIdentifier.Parse("1.3.6.1.4.1.99999"))]);
        SnmpMessageCodec.WriteCommunity(writer, SnmpVersion.V2c, "public"u8, pdu);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] V1Trap()
    {
        var writer = new BerWriter();
        var pdu = new TrapV1Pdu(ObjectIdentifier.Parse("1.3.6.1.4.1.99999"), [127, 0, 0, 1], 6, 1, 100, [new VarBind(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.1.1.1.2.1"), SnmpValue.OctetString("x"))]);
        SnmpMessageCodec.WriteCommunity(writer, SnmpVersion.V1, "public"u8, pdu);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] V3Get(byte[] engineId, int boots, int time, UsmUser user, PduType type = PduType.GetRequest)
    {
        var writer = new BerWriter();
        var pdu = new SnmpPdu(type, 79, 0, type == PduType.GetBulkRequest ? 10 : 0, [VarBind.Null(SnmpOids.SysDescr0), VarBind.Null(ObjectIdentifier.Parse("1.3.6.1.4.1.99999"))]);
        var keys = user.Level == SecurityLevel.NoAuthNoPriv ? null : user.Localize(engineId);
        new V3MessageEncoder().Encode(writer, new V3Envelope(4242, engineId, boots, time, user.Level, Reportable: true), user, keys, engineId, [], pdu);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] V3Discovery()
    {
        var writer = new BerWriter();
        new V3MessageEncoder().Encode(writer, new V3Envelope(4243, [], 0, 0, SecurityLevel.NoAuthNoPriv, Reportable: true), null, null, [], [], new SnmpPdu(PduType.GetRequest, 80, 0, 0, []));
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>One random mutation: flip bytes, truncate, insert, duplicate a slice, or set a length byte to an extreme.</summary>
    public static byte[] Mutate(byte[] input, Random random)
    {
        var data = new List<byte>(input);
        int rounds = random.Next(1, 4);
        for (int r = 0; r < rounds && data.Count > 0; r++)
        {
            int pos = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data[pos] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.RemoveRange(pos, data.Count - pos);
                    break;
                case 2:
                    data.Insert(pos, (byte)random.Next(256));
                    break;
                case 3:
                    data[pos] = (byte)random.Next(256);
                    break;
                case 4:
                    data[pos] = random.Next(2) == 0 ? (byte)0x84 : (byte)0xFF;
                    break;
                default:
                    int len = Math.Min(data.Count - pos, random.Next(1, 16));
                    data.InsertRange(pos, data.GetRange(pos, len));
                    break;
            }
        }

        return [.. data];
    }
}
