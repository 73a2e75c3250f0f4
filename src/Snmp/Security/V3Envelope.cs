namespace Gateway.Snmp.Security;

/// <summary>Header and USM fields of an outgoing SNMPv3 message.</summary>
public readonly record struct V3Envelope(
    int MessageId,
    byte[] AuthoritativeEngineId,
    int EngineBoots,
    int EngineTime,
    SecurityLevel Level,
    bool Reportable,
    int MaxSize = 65507);
