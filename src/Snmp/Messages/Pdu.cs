namespace Gateway.Snmp.Messages;

/// <summary>A protocol data unit: the SNMPv2 PDU shape or the SNMPv1 Trap-PDU.</summary>
public abstract class Pdu : IPduWriter
{
    protected Pdu(IReadOnlyList<VarBind> varBinds)
    {
        VarBinds = varBinds;
    }

    public abstract PduType Type { get; }

    public IReadOnlyList<VarBind> VarBinds { get; }

    public void WriteTo(Ber.BerWriter writer) => PduCodec.Write(writer, this);
}
