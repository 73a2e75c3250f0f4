using System.Globalization;
using Gateway.Core.Events;
using Gateway.Snmp.Mib;
using Gateway.Snmp.Notifications;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// Maps gateway events onto GATEWAY-MIB notifications: alarm Raised → gwAlarmRaised, SeverityChanged →
/// gwAlarmSeverityChanged, Cleared → gwAlarmCleared, node up/down → gwNodeUp/gwNodeDown. Acknowledge,
/// unacknowledge and comment change nothing an NMS tracks in the MIB, and notifications (logs) have
/// no MIB object: those are not accepted.
/// </summary>
public sealed class SnmpEventMapper
{
    private readonly GatewayNotifications _notifications;
    private readonly SnmpEventKinds _kinds;
    private readonly Severity? _minSeverity;

    public SnmpEventMapper(GatewayNotifications notifications, SnmpEventKinds kinds = SnmpEventKinds.All, Severity? minSeverity = null)
    {
        _notifications = notifications;
        _kinds = kinds;
        _minSeverity = minSeverity;
    }

    public GatewayNotifications Notifications => _notifications;

    public bool Accepts(GatewayEvent e)
    {
        if (e.Alarm is { } alarm)
        {
            return (_kinds & SnmpEventKinds.Alarms) != 0 && IsSent(alarm.Kind) && PassesSeverity(alarm);
        }
        // GATEWAY-MIB has no "removed" notification: the node's alarms clear (gwAlarmCleared) and its gwNodeTable row goes.
        return e.NodeChange is { Kind: not NodeEventKind.Removed } && (_kinds & SnmpEventKinds.Nodes) != 0;
    }

    /// <summary>The notification for <paramref name="e"/>, or null when it is not sent over SNMP.</summary>
    public SnmpNotification? Map(GatewayEvent e)
    {
        if (!Accepts(e))
        {
            return null;
        }
        if (e.Alarm is { } a)
        {
            var info = AlarmInfo(a.Alarm, a.Time);
            return a.Kind switch
            {
                AlarmEventKind.Raised => _notifications.AlarmRaised(info),
                AlarmEventKind.SeverityChanged => _notifications.AlarmSeverityChanged(info),
                _ => _notifications.AlarmCleared(info),
            };
        }
        var node = e.NodeChange!;
        // gwNodeLastSeen of a notification is when the gateway saw the change (the event's time).
        var nodeInfo = new GatewayNodeInfo(SnmpIndexes.ForNode(node.Node), node.Node, node.Up, node.Time);
        return node.Up ? _notifications.NodeUp(nodeInfo) : _notifications.NodeDown(nodeInfo);
    }

    /// <summary>An alarm as a gwAlarmTable row; <paramref name="changedAt"/> becomes gwAlarmTime.</summary>
    public static GatewayAlarmInfo AlarmInfo(Alarm alarm, DateTimeOffset changedAt, uint? index = null) => new(
        index ?? SnmpIndexes.ForAlarm(alarm.Id),
        alarm.Id,
        alarm.Node,
        alarm.Type,
        alarm.Resource,
        ToGwSeverity(alarm.Severity),
        alarm.Description,
        changedAt,
        Number(alarm.Value),
        Number(alarm.Threshold));

    public static GwSeverity ToGwSeverity(Severity severity) => severity switch
    {
        Severity.Critical => GwSeverity.Critical,
        Severity.Major => GwSeverity.Major,
        Severity.Minor => GwSeverity.Minor,
        Severity.Warning => GwSeverity.Warning,
        Severity.Indeterminate => GwSeverity.Indeterminate,
        _ => GwSeverity.Cleared,
    };

    private static bool IsSent(AlarmEventKind kind) =>
        kind is AlarmEventKind.Raised or AlarmEventKind.SeverityChanged or AlarmEventKind.Cleared;

    // An event passes when the alarm is, or just was, at or above the minimum: so an NMS that saw an
    // alarm also sees it drop below the minimum and clear, and never sees a clear of an alarm it never saw.
    private bool PassesSeverity(AlarmEvent e) =>
        _minSeverity is not { } min || e.Alarm.Severity >= min || (e.Kind != AlarmEventKind.Raised && e.PreviousSeverity >= min);

    private static string Number(double? value) =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;
}
