using Gateway.Core.Events;
using Gateway.Core.Records;
using Gateway.Exporters.Kafka;
using Gateway.Tests.Core.Records;

namespace Gateway.Tests.Exporters.Kafka;

public sealed class KafkaRecordMapperTests
{
    private static readonly KafkaTopicsOptions All = new()
    {
        Alarms = "a",
        AlarmState = "s",
        Notifications = "n",
        Nodes = "d",
        Metrics = "m",
    };

    private static List<KafkaRecord> Map(KafkaRecordMapper mapper, GatewayEvent e)
    {
        var records = new List<KafkaRecord>();
        mapper.Map(e, records);
        return records;
    }

    [Fact]
    public void An_alarm_event_goes_to_the_alarms_and_state_topics_keyed_by_alarm_id()
    {
        var mapper = new KafkaRecordMapper(All, perFamily: false);
        var raised = GatewayEvent.From(RecordSamples.AlarmEvent());

        var records = Map(mapper, raised);

        Assert.Equal([("a", "a1b2c3", RecordTypeNames.AlarmEvent), ("s", "a1b2c3", RecordTypeNames.AlarmState)], records.Select(r => (r.Topic, r.Key, r.RecordType)));
        Assert.All(records, r => Assert.Equal(raised.Id, r.Id));
        Assert.All(records, r => Assert.NotNull(r.Value));
    }

    [Fact]
    public void A_clear_leaves_a_tombstone_on_the_state_topic()
    {
        var mapper = new KafkaRecordMapper(All, perFamily: false);

        var records = Map(mapper, GatewayEvent.From(RecordSamples.AlarmEvent(AlarmEventKind.Cleared, Severity.Cleared)));

        Assert.NotNull(records[0].Value);
        Assert.Equal(("s", "a1b2c3"), (records[1].Topic, records[1].Key));
        Assert.Null(records[1].Value);
    }

    [Fact]
    public void Notifications_and_node_events_are_keyed_by_node()
    {
        var mapper = new KafkaRecordMapper(All, perFamily: false);

        Assert.Equal(("n", "n1@host"), Map(mapper, GatewayEvent.From(RecordSamples.Notification())).Select(r => (r.Topic, r.Key)).Single());
        Assert.Equal(("d", "n1@host"), Map(mapper, GatewayEvent.From(RecordSamples.NodeDown())).Select(r => (r.Topic, r.Key)).Single());
    }

    [Fact]
    public void A_topic_left_out_is_not_produced_and_its_events_are_not_accepted()
    {
        var mapper = new KafkaRecordMapper(new KafkaTopicsOptions { AlarmState = "s" }, perFamily: false);

        Assert.True(mapper.Accepts(GatewayEvent.From(RecordSamples.AlarmEvent())));
        Assert.False(mapper.Accepts(GatewayEvent.From(RecordSamples.Notification())));
        Assert.False(mapper.Accepts(GatewayEvent.From(RecordSamples.NodeDown())));
        Assert.Equal(["s"], Map(mapper, GatewayEvent.From(RecordSamples.AlarmEvent())).Select(r => r.Topic));
        var metrics = new List<KafkaRecord>();
        mapper.Map(RecordSamples.Snapshot(), metrics);
        Assert.Empty(metrics);
    }

    [Fact]
    public void Snapshots_become_one_record_per_node_or_per_family()
    {
        var snapshot = RecordSamples.Snapshot();
        var perNode = new List<KafkaRecord>();
        var perFamily = new List<KafkaRecord>();

        new KafkaRecordMapper(All, perFamily: false).Map(snapshot, perNode);
        new KafkaRecordMapper(All, perFamily: true).Map(snapshot, perFamily);

        Assert.Equal(("m", "n1@host"), perNode.Select(r => (r.Topic, r.Key)).Single());
        Assert.Equal(2, perFamily.Count);
        Assert.All(perFamily, r => Assert.Equal(("m", "n1@host", RecordTypeNames.Metrics), (r.Topic, r.Key, r.RecordType)));
        Assert.NotEqual(perFamily[0].Id, perFamily[1].Id);
    }
}
