using System.Text;
using Gateway.Snmp.Notifications;

namespace Gateway.Snmp.Mib;

/// <summary>
/// Builds GATEWAY-MIB notifications and the agent's table rows from alarm and node records, so the
/// exporter glue only maps its own events onto <see cref="GatewayAlarmInfo"/> / <see cref="GatewayNodeInfo"/>.
/// </summary>
public sealed class GatewayNotifications
{
    private const int MaxDisplayString = 255;

    public GatewayNotifications(GatewayMibOids? oids = null)
    {
        Oids = oids ?? new GatewayMibOids();
    }

    public GatewayMibOids Oids { get; }

    public SnmpNotification AlarmRaised(GatewayAlarmInfo alarm) => new(Oids.AlarmRaised, AlarmVarBinds(alarm));

    public SnmpNotification AlarmSeverityChanged(GatewayAlarmInfo alarm) => new(Oids.AlarmSeverityChanged, AlarmVarBinds(alarm));

    /// <summary>gwAlarmCleared; the severity is sent as cleared(1) whatever the record says.</summary>
    public SnmpNotification AlarmCleared(GatewayAlarmInfo alarm) => new(Oids.AlarmCleared, AlarmVarBinds(alarm with { Severity = GwSeverity.Cleared }));

    public SnmpNotification NodeUp(GatewayNodeInfo node) => new(Oids.NodeUp, NodeVarBinds(node with { Up = true }));

    public SnmpNotification NodeDown(GatewayNodeInfo node) => new(Oids.NodeDown, NodeVarBinds(node with { Up = false }));

    public VarBind[] AlarmVarBinds(GatewayAlarmInfo alarm)
    {
        uint i = alarm.Index;
        return
        [
            new(Oids.AlarmColumn(AlarmColumn.Id, i), Text(alarm.Id)),
            new(Oids.AlarmColumn(AlarmColumn.Node, i), Text(alarm.Node)),
            new(Oids.AlarmColumn(AlarmColumn.Type, i), Text(alarm.Type)),
            new(Oids.AlarmColumn(AlarmColumn.Resource, i), Text(alarm.Resource)),
            new(Oids.AlarmColumn(AlarmColumn.Severity, i), SnmpValue.Integer32((int)alarm.Severity)),
            new(Oids.AlarmColumn(AlarmColumn.Description, i), Text(alarm.Description)),
            new(Oids.AlarmColumn(AlarmColumn.Time, i), SnmpValue.OctetString(DateAndTimeCodec.Encode(alarm.Time))),
            new(Oids.AlarmColumn(AlarmColumn.Value, i), Text(alarm.Value)),
            new(Oids.AlarmColumn(AlarmColumn.Threshold, i), Text(alarm.Threshold)),
        ];
    }

    public VarBind[] NodeVarBinds(GatewayNodeInfo node) =>
    [
        new(Oids.NodeColumn(NodeColumn.Name, node.Index), Text(node.Name)),
        new(Oids.NodeColumn(NodeColumn.Status, node.Index), SnmpValue.Integer32(node.Up ? 1 : 2)),
        new(Oids.NodeColumn(NodeColumn.LastSeen, node.Index), SnmpValue.OctetString(DateAndTimeCodec.Encode(node.LastSeen))),
    ];

    /// <summary>All (OID, value) pairs of gwAlarmTable, gwNodeTable and gwActiveAlarms, for an agent snapshot (unsorted).</summary>
    public List<VarBind> TableRows(IEnumerable<GatewayAlarmInfo> alarms, IEnumerable<GatewayNodeInfo> nodes)
    {
        var rows = new List<VarBind>();
        int count = 0;
        foreach (var alarm in alarms)
        {
            rows.AddRange(AlarmVarBinds(alarm));
            count++;
        }

        foreach (var node in nodes)
        {
            rows.AddRange(NodeVarBinds(node));
        }

        rows.Add(new VarBind(Oids.ActiveAlarms0, SnmpValue.Gauge32((uint)count)));
        return rows;
    }

    // DisplayString is at most 255 octets; cut on a UTF-8 character boundary.
    private static SnmpValue Text(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= MaxDisplayString)
        {
            return SnmpValue.OctetString(bytes);
        }

        int cut = MaxDisplayString;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return SnmpValue.OctetString(bytes[..cut]);
    }
}
