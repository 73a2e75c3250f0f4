using System.Globalization;
using Gateway.Core.Events;
using Gateway.Snmp.Mib;
using Gateway.Snmp.Notifications;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// Maps gateway events onto GATEWAY-MIB notifications: alarm Raised → gwAlarmRaised, SeverityChanged →
/// gwAlarmSeverityChanged, Cleared → gwAlarmCleared, node up → gwNodeUp, node down or removed →
/// gwNodeDown. Acknowledge, unacknowledge and comment change nothing an NMS tracks in the MIB, and
/// notifications (logs) have no MIB object: those are not accepted. The configured filters
/// (<c>minSeverity</c>, <c>events</c> …) are the router's business, not the mapper's.
/// </summary>
public sealed class SnmpEventMapper
{
    private readonly GatewayNotifications _notifications;

    public SnmpEventMapper(GatewayNotifications notifications)
    {
        _notifications = notifications;
    }

    public GatewayNotifications Notifications => _notifications;

    /// <summary>Whether the event has a GATEWAY-MIB notification (there is none for a removed node: its alarms' clears and the
    /// gwNodeTable say it).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API beside Map; a mapper may depend on its MIB later.")]
    public bool Accepts(GatewayEvent e) =>
        e.Alarm is { } alarm ? IsSent(alarm.Kind) : e.NodeChange is { Kind: not NodeEventKind.Removed };

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

    private static string Number(double? value) =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;
}
