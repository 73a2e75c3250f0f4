using Gateway.Snmp.Ber;

namespace Gateway.Snmp;

/// <summary>The SMIv2 value types on the wire; the numeric value is the BER tag.</summary>
public enum SnmpType : byte
{
    Integer32 = BerTag.Integer,
    OctetString = BerTag.OctetString,
    Null = BerTag.Null,
    ObjectIdentifier = BerTag.ObjectIdentifier,
    IpAddress = BerTag.IpAddress,
    Counter32 = BerTag.Counter32,
    Gauge32 = BerTag.Gauge32,
    TimeTicks = BerTag.TimeTicks,
    Opaque = BerTag.Opaque,
    Counter64 = BerTag.Counter64,
    NoSuchObject = BerTag.NoSuchObject,
    NoSuchInstance = BerTag.NoSuchInstance,
    EndOfMibView = BerTag.EndOfMibView,
}
