using Gateway.Core.Events;
using Gateway.Core.Store;
using Gateway.Snmp;
using Gateway.Snmp.Mib;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// Builds the agent's gwAlarmTable and gwNodeTable rows. Indexes come from <see cref="SnmpIndexes"/>,
/// so a row has the index its notifications carried; in the rare case two rows of one table hash to
/// the same index, the older alarm (or the first node by name) keeps it and the other takes the next
/// free one (gwAlarmId / gwNodeName stay the identity to match on).
/// </summary>
public sealed class SnmpTableBuilder
{
    private readonly GatewayNotifications _notifications;

    public SnmpTableBuilder(GatewayNotifications notifications)
    {
        _notifications = notifications;
    }

    public List<VarBind> Rows(IEnumerable<Alarm> activeAlarms, IEnumerable<NodeEntry> nodes) =>
        _notifications.TableRows(AlarmRows(activeAlarms), NodeRows(nodes));

    public static IReadOnlyList<GatewayAlarmInfo> AlarmRows(IEnumerable<Alarm> activeAlarms)
    {
        var used = new HashSet<uint>();
        var rows = new List<GatewayAlarmInfo>();
        foreach (var alarm in activeAlarms.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            var index = Free(SnmpIndexes.ForAlarm(alarm.Id), used);
            rows.Add(SnmpEventMapper.AlarmInfo(alarm, alarm.UpdatedAt, index));
        }
        return rows;
    }

    /// <summary>
    /// One row per node name (<c>instance</c>): watched by two jobs, it is up when either collection
    /// works, and last seen at the latest successful collection. Never collected: 1970-01-01.
    /// </summary>
    public static IReadOnlyList<GatewayNodeInfo> NodeRows(IEnumerable<NodeEntry> nodes)
    {
        var byName = new SortedDictionary<string, (bool Up, DateTimeOffset LastSeen)>(StringComparer.Ordinal);
        foreach (var entry in nodes)
        {
            var status = entry.Status;
            var lastSeen = entry.Snapshot?.Time ?? (status.Up ? status.LastScrape : null) ?? DateTimeOffset.UnixEpoch;
            var name = status.Node.Instance;
            byName[name] = byName.TryGetValue(name, out var seen)
                ? (seen.Up || status.Up, seen.LastSeen > lastSeen ? seen.LastSeen : lastSeen)
                : (status.Up, lastSeen);
        }
        var used = new HashSet<uint>();
        var rows = new List<GatewayNodeInfo>(byName.Count);
        foreach (var (name, state) in byName)
        {
            rows.Add(new GatewayNodeInfo(Free(SnmpIndexes.ForNode(name), used), name, state.Up, state.LastSeen));
        }
        return rows;
    }

    private static uint Free(uint index, HashSet<uint> used)
    {
        while (!used.Add(index))
        {
            index = SnmpIndexes.Next(index);
        }
        return index;
    }
}
