namespace Gateway.Snmp.Ber;

/// <summary>Encodes and decodes <see cref="SnmpValue"/> and varbind lists (RFC 3416 §3 VarBindList).</summary>
public static class SnmpValueCodec
{
    public static void Write(BerWriter writer, SnmpValue value)
    {
        switch (value.Type)
        {
            case SnmpType.Integer32:
                writer.WriteInteger(value.AsInt32());
                break;
            case SnmpType.Counter32:
            case SnmpType.Gauge32:
            case SnmpType.TimeTicks:
            case SnmpType.Counter64:
                writer.WriteUnsigned((byte)value.Type, value.RawNumber);
                break;
            case SnmpType.OctetString:
            case SnmpType.Opaque:
            case SnmpType.IpAddress:
                writer.WriteOctetString((byte[])value.RawReference!, (byte)value.Type);
                break;
            case SnmpType.ObjectIdentifier:
                writer.WriteObjectIdentifier((ObjectIdentifier)value.RawReference!);
                break;
            default:
                writer.WriteNull((byte)value.Type);
                break;
        }
    }

    public static SnmpValue Read(ref BerReader reader)
    {
        var content = reader.ReadTlv(out byte tag, out int offset);
        switch (tag)
        {
            case BerTag.Integer:
                return SnmpValue.Integer32(BerPrimitives.DecodeInteger32(content, offset));
            case BerTag.Counter32:
            case BerTag.Gauge32:
            case BerTag.TimeTicks:
                return SnmpValue.FromNumber((SnmpType)tag, BerPrimitives.DecodeUnsigned32(content, offset));
            case BerTag.UInteger32:
                return SnmpValue.FromNumber(SnmpType.Gauge32, BerPrimitives.DecodeUnsigned32(content, offset));
            case BerTag.Counter64:
                return SnmpValue.FromNumber(SnmpType.Counter64, BerPrimitives.DecodeUnsigned64(content, offset));
            case BerTag.OctetString:
            case BerTag.Opaque:
                return SnmpValue.FromBytes((SnmpType)tag, content.ToArray());
            case BerTag.IpAddress:
                if (content.Length != 4)
                {
                    throw new SnmpDecodeException("IpAddress is not 4 bytes") { Offset = offset };
                }

                return SnmpValue.FromBytes(SnmpType.IpAddress, content.ToArray());
            case BerTag.ObjectIdentifier:
                return SnmpValue.Oid(BerPrimitives.DecodeObjectIdentifier(content, offset));
            case BerTag.Null:
            case BerTag.NoSuchObject:
            case BerTag.NoSuchInstance:
            case BerTag.EndOfMibView:
                if (!content.IsEmpty)
                {
                    throw new SnmpDecodeException("NULL-typed value with content") { Offset = offset };
                }

                return tag switch
                {
                    BerTag.Null => SnmpValue.Null,
                    BerTag.NoSuchObject => SnmpValue.NoSuchObject,
                    BerTag.NoSuchInstance => SnmpValue.NoSuchInstance,
                    _ => SnmpValue.EndOfMibView,
                };
            default:
                throw new SnmpDecodeException($"unknown value type 0x{tag:X2}") { Offset = offset };
        }
    }

    public static void WriteVarBinds(BerWriter writer, IReadOnlyList<VarBind> varBinds)
    {
        int list = writer.BeginSequence();
        for (int i = 0; i < varBinds.Count; i++)
        {
            var vb = varBinds[i];
            int seq = writer.BeginSequence();
            writer.WriteObjectIdentifier(vb.Oid);
            Write(writer, vb.Value);
            writer.EndConstructed(seq);
        }

        writer.EndConstructed(list);
    }

    public static VarBind[] ReadVarBinds(ref BerReader reader)
    {
        var list = reader.ReadSequence();
        var result = new List<VarBind>();
        while (list.HasData)
        {
            var vb = list.ReadSequence();
            var oid = vb.ReadObjectIdentifier();
            var value = Read(ref vb);
            vb.EnsureEnd();
            result.Add(new VarBind(oid, value));
        }

        return [.. result];
    }
}
