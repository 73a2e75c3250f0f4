namespace Gateway.Snmp.Security;

/// <summary>Outcome of USM processing of an incoming message (RFC 3414 §3.2), named after the usmStats counters.</summary>
public enum UsmStatus
{
    Ok,
    UnsupportedSecurityLevel,
    NotInTimeWindow,
    UnknownUserName,
    UnknownEngineId,
    WrongDigest,
    DecryptionError,
}
