namespace Gateway.Snmp.Messages;

/// <summary>A decoded SNMP message: <see cref="CommunityMessage"/> (v1/v2c) or <see cref="V3Message"/>.</summary>
public abstract class SnmpMessage
{
    public abstract SnmpVersion Version { get; }
}
