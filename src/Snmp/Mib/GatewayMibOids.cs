namespace Gateway.Snmp.Mib;

/// <summary>
/// The OIDs of GATEWAY-MIB under a configurable base. The module's own base is the placeholder
/// enterprises.99999; an operator with a registered enterprise number moves the whole tree by
/// giving its base here (and editing the MIB's last line the same way).
/// </summary>
public sealed class GatewayMibOids
{
    public static ObjectIdentifier DefaultBase { get; } = ObjectIdentifier.Parse("1.3.6.1.4.1.99999");

    public GatewayMibOids(ObjectIdentifier? baseOid = null)
    {
        Base = baseOid ?? DefaultBase;
        var notifications = Base.Append(0);
        var objects = Base.Append(1);
        AlarmRaised = notifications.Append(1);
        AlarmSeverityChanged = notifications.Append(2);
        AlarmCleared = notifications.Append(3);
        NodeUp = notifications.Append(4);
        NodeDown = notifications.Append(5);
        AlarmEntry = objects.Append(1, 1);
        NodeEntry = objects.Append(2, 1);
        ActiveAlarms0 = objects.Append(3, 0);
    }

    public ObjectIdentifier Base { get; }

    public ObjectIdentifier AlarmRaised { get; }

    public ObjectIdentifier AlarmSeverityChanged { get; }

    public ObjectIdentifier AlarmCleared { get; }

    public ObjectIdentifier NodeUp { get; }

    public ObjectIdentifier NodeDown { get; }

    /// <summary>gwAlarmEntry; column n of row i is AlarmEntry.n.i.</summary>
    public ObjectIdentifier AlarmEntry { get; }

    /// <summary>gwNodeEntry; column n of row i is NodeEntry.n.i.</summary>
    public ObjectIdentifier NodeEntry { get; }

    public ObjectIdentifier ActiveAlarms0 { get; }

    public ObjectIdentifier AlarmColumn(AlarmColumn column, uint index) => AlarmEntry.Append((uint)column, index);

    public ObjectIdentifier NodeColumn(NodeColumn column, uint index) => NodeEntry.Append((uint)column, index);
}
