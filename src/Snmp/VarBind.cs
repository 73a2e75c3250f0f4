namespace Gateway.Snmp;

/// <summary>One variable binding: an OID and its value.</summary>
public readonly record struct VarBind(ObjectIdentifier Oid, SnmpValue Value)
{
    public static VarBind Null(ObjectIdentifier oid) => new(oid, SnmpValue.Null);
}
