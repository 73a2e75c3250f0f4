namespace Gateway.Snmp.Messages;

/// <summary>msgVersion / version field values.</summary>
public enum SnmpVersion
{
    V1 = 0,
    V2c = 1,
    V3 = 3,
}
