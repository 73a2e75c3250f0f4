using System.Net;
using Gateway.Snmp.Messages;

namespace Gateway.Snmp.Notifications;

/// <summary>SNMPv2 notification → SNMPv1 Trap-PDU (RFC 3584 §3.2).</summary>
public static class V1TrapTranslation
{
    public static TrapV1Pdu ToTrapV1(SnmpNotification notification, uint sysUpTime, IPAddress agentAddress)
    {
        var trapOid = notification.TrapOid;
        ObjectIdentifier enterprise;
        int generic;
        int specific;
        if (trapOid.Length == SnmpOids.SnmpTraps.Length + 1 && trapOid.StartsWith(SnmpOids.SnmpTraps) && trapOid[^1] is >= 1 and <= 6)
        {
            // coldStart(1) … egpNeighborLoss(6) map to generic-trap 0..5.
            generic = (int)trapOid[^1] - 1;
            specific = 0;
            enterprise = SnmpOids.SnmpTraps;
        }
        else
        {
            generic = 6;
            specific = (int)trapOid[^1];
            // An OID of the form enterprise.0.n came from a v1 trap; drop the 0 again.
            enterprise = trapOid.Length > 2 && trapOid[^2] == 0 ? trapOid.Parent(2) : trapOid.Parent();
        }

        var varBinds = new List<VarBind>(notification.VarBinds.Count);
        foreach (var vb in notification.VarBinds)
        {
            // Counter64 has no SNMPv1 encoding (RFC 3584 §3.2 (3)).
            if (vb.Value.Type != SnmpType.Counter64 && vb.Oid != SnmpOids.SysUpTime0 && vb.Oid != SnmpOids.SnmpTrapOid0)
            {
                varBinds.Add(vb);
            }
        }

        var address = agentAddress.MapToIPv4().GetAddressBytes();
        return new TrapV1Pdu(enterprise, address, generic, specific, sysUpTime, varBinds);
    }
}
