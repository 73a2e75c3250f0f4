namespace Gateway.Snmp.Notifications;

/// <summary>
/// A notification to send: its NOTIFICATION-TYPE OID and the objects it carries. The sender puts
/// sysUpTime.0 and snmpTrapOID.0 in front (RFC 3416 §4.2.6); do not include them here.
/// </summary>
public sealed record SnmpNotification(ObjectIdentifier TrapOid, IReadOnlyList<VarBind> VarBinds);
