using System.Globalization;
using System.Net;
using System.Text;

namespace Gateway.Snmp;

/// <summary>A varbind value: one of the SMIv2 types, or an exception (noSuchObject …) in a response.</summary>
public readonly struct SnmpValue : IEquatable<SnmpValue>
{
    private readonly ulong _number;
    private readonly object? _ref;

    private SnmpValue(SnmpType type, ulong number, object? reference)
    {
        Type = type;
        _number = number;
        _ref = reference;
    }

    public SnmpType Type { get; }

    public static SnmpValue Null { get; } = new(SnmpType.Null, 0, null);

    public static SnmpValue NoSuchObject { get; } = new(SnmpType.NoSuchObject, 0, null);

    public static SnmpValue NoSuchInstance { get; } = new(SnmpType.NoSuchInstance, 0, null);

    public static SnmpValue EndOfMibView { get; } = new(SnmpType.EndOfMibView, 0, null);

    public bool IsException => Type is SnmpType.NoSuchObject or SnmpType.NoSuchInstance or SnmpType.EndOfMibView;

    public static SnmpValue Integer32(int value) => new(SnmpType.Integer32, unchecked((ulong)(long)value), null);

    public static SnmpValue Counter32(uint value) => new(SnmpType.Counter32, value, null);

    public static SnmpValue Gauge32(uint value) => new(SnmpType.Gauge32, value, null);

    public static SnmpValue Unsigned32(uint value) => new(SnmpType.Gauge32, value, null);

    public static SnmpValue TimeTicks(uint hundredths) => new(SnmpType.TimeTicks, hundredths, null);

    public static SnmpValue Counter64(ulong value) => new(SnmpType.Counter64, value, null);

    public static SnmpValue OctetString(byte[] value) => new(SnmpType.OctetString, 0, value);

    /// <summary>A DisplayString / SnmpAdminString: UTF-8 text.</summary>
    public static SnmpValue OctetString(string text) => new(SnmpType.OctetString, 0, Encoding.UTF8.GetBytes(text));

    public static SnmpValue Opaque(byte[] value) => new(SnmpType.Opaque, 0, value);

    public static SnmpValue Oid(ObjectIdentifier value) => new(SnmpType.ObjectIdentifier, 0, value);

    public static SnmpValue IpAddress(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (bytes.Length != 4)
        {
            throw new ArgumentException("IpAddress is IPv4 only", nameof(address));
        }

        return new(SnmpType.IpAddress, 0, bytes);
    }

    internal static SnmpValue FromBytes(SnmpType type, byte[] bytes) => new(type, 0, bytes);

    internal static SnmpValue FromNumber(SnmpType type, ulong number) => new(type, number, null);

    public int AsInt32() => Type == SnmpType.Integer32 ? unchecked((int)(long)_number) : throw WrongType();

    public uint AsUInt32() => Type is SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks ? (uint)_number : throw WrongType();

    public ulong AsUInt64() => Type == SnmpType.Counter64 ? _number : throw WrongType();

    public ReadOnlyMemory<byte> AsBytes() => _ref as byte[] ?? throw WrongType();

    public string AsString() => Encoding.UTF8.GetString(_ref as byte[] ?? throw WrongType());

    public ObjectIdentifier AsOid() => _ref as ObjectIdentifier ?? throw WrongType();

    internal ulong RawNumber => _number;

    internal object? RawReference => _ref;

    public bool Equals(SnmpValue other)
    {
        if (Type != other.Type || _number != other._number)
        {
            return false;
        }

        return (_ref, other._ref) switch
        {
            (null, null) => true,
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            (ObjectIdentifier a, ObjectIdentifier b) => a.Equals(b),
            _ => false,
        };
    }

    public override bool Equals(object? obj) => obj is SnmpValue v && Equals(v);

    public override int GetHashCode() => HashCode.Combine(Type, _number, _ref is ObjectIdentifier o ? o.GetHashCode() : 0);

    public override string ToString() => Type switch
    {
        SnmpType.Integer32 => AsInt32().ToString(CultureInfo.InvariantCulture),
        SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64 => _number.ToString(CultureInfo.InvariantCulture),
        SnmpType.OctetString => Encoding.UTF8.GetString((byte[])_ref!),
        SnmpType.Opaque => Convert.ToHexString((byte[])_ref!),
        SnmpType.IpAddress => new IPAddress((byte[])_ref!).ToString(),
        SnmpType.ObjectIdentifier => _ref!.ToString()!,
        _ => Type.ToString(),
    };

    public static bool operator ==(SnmpValue left, SnmpValue right) => left.Equals(right);

    public static bool operator !=(SnmpValue left, SnmpValue right) => !left.Equals(right);

    private InvalidOperationException WrongType() => new($"the value is {Type}");
}
