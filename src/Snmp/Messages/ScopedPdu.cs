namespace Gateway.Snmp.Messages;

/// <summary>ScopedPDU, RFC 3412 §6.</summary>
public sealed record ScopedPdu(byte[] ContextEngineId, byte[] ContextName, Pdu Pdu);
