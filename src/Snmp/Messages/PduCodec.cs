using Gateway.Snmp.Ber;

namespace Gateway.Snmp.Messages;

/// <summary>BER for PDUs.</summary>
public static class PduCodec
{
    public static void Write(BerWriter writer, Pdu pdu)
    {
        int mark = writer.BeginConstructed((byte)pdu.Type);
        if (pdu is TrapV1Pdu trap)
        {
            writer.WriteObjectIdentifier(trap.Enterprise);
            writer.WriteIpAddress(trap.AgentAddress);
            writer.WriteInteger(trap.GenericTrap);
            writer.WriteInteger(trap.SpecificTrap);
            writer.WriteUnsigned(BerTag.TimeTicks, trap.TimeStamp);
        }
        else
        {
            var p = (SnmpPdu)pdu;
            writer.WriteInteger(p.RequestId);
            writer.WriteInteger(p.ErrorStatus);
            writer.WriteInteger(p.ErrorIndex);
        }

        SnmpValueCodec.WriteVarBinds(writer, pdu.VarBinds);
        writer.EndConstructed(mark);
    }

    public static Pdu Read(ref BerReader reader)
    {
        int offset = reader.Offset;
        var body = reader.ReadConstructed(out byte tag);
        if (tag < (byte)PduType.GetRequest || tag > (byte)PduType.Report)
        {
            throw new SnmpDecodeException($"unknown PDU type 0x{tag:X2}") { Offset = offset };
        }

        Pdu pdu;
        if (tag == (byte)PduType.TrapV1)
        {
            var enterprise = body.ReadObjectIdentifier();
            var address = body.ReadExpected(BerTag.IpAddress, out int addrOffset);
            if (address.Length != 4)
            {
                throw new SnmpDecodeException("agent-addr is not 4 bytes") { Offset = addrOffset };
            }

            var addressBytes = address.ToArray();
            int generic = body.ReadInteger32();
            int specific = body.ReadInteger32();
            uint timeStamp = BerPrimitives.DecodeUnsigned32(body.ReadExpected(BerTag.TimeTicks, out int tsOffset), tsOffset);
            var varBinds = SnmpValueCodec.ReadVarBinds(ref body);
            pdu = new TrapV1Pdu(enterprise, addressBytes, generic, specific, timeStamp, varBinds);
        }
        else
        {
            int requestId = body.ReadInteger32();
            int errorStatus = body.ReadInteger32();
            int errorIndex = body.ReadInteger32();
            var varBinds = SnmpValueCodec.ReadVarBinds(ref body);
            pdu = new SnmpPdu((PduType)tag, requestId, errorStatus, errorIndex, varBinds);
        }

        body.EnsureEnd();
        return pdu;
    }
}
