using Gateway.Snmp.Ber;
using Gateway.Snmp.Messages;

namespace Gateway.Snmp.Notifications;

/// <summary>
/// Writes an SNMPv2-Trap or InformRequest PDU for a notification, with sysUpTime.0 and snmpTrapOID.0
/// first (RFC 3416 §4.2.6), without building an intermediate varbind array.
/// </summary>
public readonly struct NotificationPduWriter : IPduWriter
{
    private readonly PduType _type;
    private readonly int _requestId;
    private readonly uint _sysUpTime;
    private readonly SnmpNotification _notification;

    public NotificationPduWriter(PduType type, int requestId, uint sysUpTime, SnmpNotification notification)
    {
        _type = type;
        _requestId = requestId;
        _sysUpTime = sysUpTime;
        _notification = notification;
    }

    public void WriteTo(BerWriter writer)
    {
        int pdu = writer.BeginConstructed((byte)_type);
        writer.WriteInteger(_requestId);
        writer.WriteInteger(0);
        writer.WriteInteger(0);
        int list = writer.BeginSequence();

        int vb = writer.BeginSequence();
        writer.WriteObjectIdentifier(SnmpOids.SysUpTime0);
        writer.WriteUnsigned(BerTag.TimeTicks, _sysUpTime);
        writer.EndConstructed(vb);

        vb = writer.BeginSequence();
        writer.WriteObjectIdentifier(SnmpOids.SnmpTrapOid0);
        writer.WriteObjectIdentifier(_notification.TrapOid);
        writer.EndConstructed(vb);

        var varBinds = _notification.VarBinds;
        for (int i = 0; i < varBinds.Count; i++)
        {
            vb = writer.BeginSequence();
            writer.WriteObjectIdentifier(varBinds[i].Oid);
            SnmpValueCodec.Write(writer, varBinds[i].Value);
            writer.EndConstructed(vb);
        }

        writer.EndConstructed(list);
        writer.EndConstructed(pdu);
    }
}
