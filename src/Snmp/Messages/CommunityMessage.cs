namespace Gateway.Snmp.Messages;

/// <summary>SNMPv1/v2c message (RFC 1157, RFC 1901): version, community, PDU.</summary>
public sealed class CommunityMessage : SnmpMessage
{
    public CommunityMessage(SnmpVersion version, byte[] community, Pdu pdu)
    {
        if (version == SnmpVersion.V3)
        {
            throw new ArgumentException("community messages are v1 or v2c", nameof(version));
        }

        Version = version;
        Community = community;
        Pdu = pdu;
    }

    public override SnmpVersion Version { get; }

    public byte[] Community { get; }

    public Pdu Pdu { get; }
}
