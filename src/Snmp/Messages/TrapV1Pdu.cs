namespace Gateway.Snmp.Messages;

/// <summary>SNMPv1 Trap-PDU (RFC 1157 §4.1.6).</summary>
public sealed class TrapV1Pdu : Pdu
{
    public TrapV1Pdu(ObjectIdentifier enterprise, byte[] agentAddress, int genericTrap, int specificTrap, uint timeStamp, IReadOnlyList<VarBind> varBinds)
        : base(varBinds)
    {
        if (agentAddress.Length != 4)
        {
            throw new ArgumentException("agent-addr is an IPv4 address", nameof(agentAddress));
        }

        Enterprise = enterprise;
        AgentAddress = agentAddress;
        GenericTrap = genericTrap;
        SpecificTrap = specificTrap;
        TimeStamp = timeStamp;
    }

    public override PduType Type => PduType.TrapV1;

    public ObjectIdentifier Enterprise { get; }

    public byte[] AgentAddress { get; }

    /// <summary>coldStart(0) … enterpriseSpecific(6).</summary>
    public int GenericTrap { get; }

    public int SpecificTrap { get; }

    /// <summary>sysUpTime in hundredths of a second.</summary>
    public uint TimeStamp { get; }
}
