namespace Gateway.Snmp.Security;

/// <summary>USM security level (RFC 3411 §3.4.3).</summary>
public enum SecurityLevel
{
    NoAuthNoPriv = 0,
    AuthNoPriv = 1,
    AuthPriv = 3,
}
