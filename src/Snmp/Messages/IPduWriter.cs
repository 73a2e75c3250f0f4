using Gateway.Snmp.Ber;

namespace Gateway.Snmp.Messages;

/// <summary>Something that writes one PDU's BER. Lets hot paths encode a PDU straight from their own data (a struct, no PDU object).</summary>
public interface IPduWriter
{
    void WriteTo(BerWriter writer);
}
