namespace Gateway.Snmp.Messages;

/// <summary>msgFlags bits, RFC 3412 §6.4.</summary>
[Flags]
public enum MessageFlags : byte
{
    None = 0,
    Auth = 0x01,
    Priv = 0x02,
    Reportable = 0x04,
}
