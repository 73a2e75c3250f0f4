using Gateway.Snmp.Engine;

namespace Gateway.Snmp.Agent;

/// <summary>The minimal system group of SNMPv2-MIB (RFC 3418): sysDescr, sysObjectID, sysUpTime, sysName.</summary>
public sealed class SystemGroupProvider : IMibTreeProvider
{
    private readonly SnmpEngine _engine;
    private readonly SnmpValue _descr;
    private readonly SnmpValue _objectId;
    private readonly SnmpValue _name;

    public SystemGroupProvider(SnmpEngine engine, string sysDescr, ObjectIdentifier sysObjectId, string sysName)
    {
        _engine = engine;
        _descr = SnmpValue.OctetString(sysDescr);
        _objectId = SnmpValue.Oid(sysObjectId);
        _name = SnmpValue.OctetString(sysName);
    }

    public MibSnapshot GetSnapshot() => MibSnapshot.Create(
    [
        new VarBind(SnmpOids.SysDescr0, _descr),
        new VarBind(SnmpOids.SysObjectId0, _objectId),
        new VarBind(SnmpOids.SysUpTime0, SnmpValue.TimeTicks(_engine.SysUpTime)),
        new VarBind(SnmpOids.SysName0, _name),
    ]);
}
