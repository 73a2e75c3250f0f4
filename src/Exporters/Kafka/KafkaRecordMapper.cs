using Gateway.Core.Events;
using Gateway.Core.Records;
using Gateway.Core.Streaming;

namespace Gateway.Exporters.Kafka;

/// <summary>
/// Which records an event or a snapshot becomes, given the configured topics: an alarm event → its
/// <c>alarm_event</c> (key alarm id) and its <c>alarm_state</c> (key alarm id, a tombstone on clear);
/// a notification or node event → one record keyed by node; a snapshot → one record per node or per
/// family, keyed by node. The bytes are <see cref="EventRecords"/>' and <see cref="MetricRecords"/>'.
/// </summary>
public sealed class KafkaRecordMapper
{
    private readonly KafkaTopicsOptions _topics;
    private readonly bool _perFamily;

    public KafkaRecordMapper(KafkaTopicsOptions topics, bool perFamily)
    {
        _topics = topics;
        _perFamily = perFamily;
    }

    public bool Accepts(GatewayEvent e) =>
        (e.Alarm is not null && (_topics.Alarms is not null || _topics.AlarmState is not null))
        || (e.Notification is not null && _topics.Notifications is not null)
        || (e.NodeChange is not null && _topics.Nodes is not null);

    /// <summary>Adds the records of <paramref name="e"/> to <paramref name="records"/>, in produce order.</summary>
    public void Map(GatewayEvent e, List<KafkaRecord> records)
    {
        if (e.Alarm is { } a)
        {
            if (_topics.Alarms is { } alarms)
            {
                records.Add(new KafkaRecord(alarms, a.Alarm.Id, EventRecords.Serialize(e), RecordTypeNames.AlarmEvent, e.Id));
            }
            if (_topics.AlarmState is { } state)
            {
                records.Add(new KafkaRecord(state, a.Alarm.Id, EventRecords.SerializeAlarmState(a), RecordTypeNames.AlarmState, e.Id));
            }
        }
        else if (e.Notification is { } n && _topics.Notifications is { } notifications)
        {
            records.Add(new KafkaRecord(notifications, n.Node, EventRecords.Serialize(e), RecordTypeNames.Notification, e.Id));
        }
        else if (e.NodeChange is { } node && _topics.Nodes is { } nodes)
        {
            records.Add(new KafkaRecord(nodes, node.Node, EventRecords.Serialize(e), RecordTypeNames.NodeEvent, e.Id));
        }
    }

    /// <summary>Adds the <c>metrics</c> records of <paramref name="snapshot"/> (none when no metrics topic is set).</summary>
    public void Map(StreamedSnapshot snapshot, List<KafkaRecord> records)
    {
        if (_topics.Metrics is not { } topic)
        {
            return;
        }
        var node = snapshot.Node.Instance;
        if (!_perFamily)
        {
            records.Add(new KafkaRecord(topic, node, MetricRecords.Serialize(snapshot), RecordTypeNames.Metrics, MetricRecords.RecordId(snapshot, null)));
            return;
        }
        foreach (var family in snapshot.Families)
        {
            records.Add(new KafkaRecord(topic, node, MetricRecords.Serialize(snapshot, family), RecordTypeNames.Metrics, MetricRecords.RecordId(snapshot, family.Name)));
        }
    }
}
