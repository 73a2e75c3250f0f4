using System.Text;
using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Records;

namespace Gateway.Tests.Core.Records;

public sealed class EventRecordsTests
{
    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    [Fact]
    public void An_alarm_event_is_written_with_the_api_field_names_and_spellings()
    {
        var record = EventRecords.Serialize(GatewayEvent.From(RecordSamples.AlarmEvent(group: "mongooseim")));

        Assert.Equal(
            """{"recordType":"alarm_event","schemaVersion":1,"eventId":"0b8f4a52-3c1e-4f7e-9d55-7f1b2c3d4e5f","time":"2026-11-26T08:00:01.25Z","node":"n1@host","group":"mongooseim","event":"raised","previousSeverity":"cleared","comment":null,"alarm":{"id":"a1b2c3","node":"n1@host","type":"disk_full","resource":"/var","severity":"major","description":"disk /var is 97% full <check>","raisedAt":"2026-11-26T07:55:01.25Z","updatedAt":"2026-11-26T08:00:01.25Z","value":97.5,"threshold":null,"acknowledged":false}}""",
            Text(record));
        RecordSchemas.AssertValid(RecordTypeNames.AlarmEvent, record);
    }

    [Theory]
    [InlineData(AlarmEventKind.Raised, "raised")]
    [InlineData(AlarmEventKind.SeverityChanged, "severity_changed")]
    [InlineData(AlarmEventKind.Cleared, "cleared")]
    [InlineData(AlarmEventKind.Acknowledged, "acknowledged")]
    [InlineData(AlarmEventKind.Unacknowledged, "unacknowledged")]
    [InlineData(AlarmEventKind.Commented, "commented")]
    public void Every_alarm_event_kind_is_snake_case_and_matches_the_schema(AlarmEventKind kind, string name)
    {
        var severity = kind == AlarmEventKind.Cleared ? Severity.Cleared : Severity.Critical;
        var record = EventRecords.Serialize(GatewayEvent.From(RecordSamples.AlarmEvent(kind, severity, comment: "looking")));

        using var json = JsonDocument.Parse(record);
        Assert.Equal(name, json.RootElement.GetProperty("event").GetString());
        Assert.Equal("looking", json.RootElement.GetProperty("comment").GetString());
        RecordSchemas.AssertValid(RecordTypeNames.AlarmEvent, record);
    }

    [Fact]
    public void The_alarm_state_is_the_alarm_now_and_a_clear_is_a_tombstone()
    {
        var state = EventRecords.SerializeAlarmState(RecordSamples.AlarmEvent(AlarmEventKind.Acknowledged));

        Assert.NotNull(state);
        Assert.Equal(
            """{"recordType":"alarm_state","schemaVersion":1,"eventId":"0b8f4a52-3c1e-4f7e-9d55-7f1b2c3d4e5f","time":"2026-11-26T08:00:01.25Z","node":"n1@host","event":"acknowledged","alarm":{"id":"a1b2c3","node":"n1@host","type":"disk_full","resource":"/var","severity":"major","description":"disk /var is 97% full <check>","raisedAt":"2026-11-26T07:55:01.25Z","updatedAt":"2026-11-26T08:00:01.25Z","value":97.5,"threshold":null,"acknowledged":false}}""",
            Text(state));
        RecordSchemas.AssertValid(RecordTypeNames.AlarmState, state);
        Assert.Null(EventRecords.SerializeAlarmState(RecordSamples.AlarmEvent(AlarmEventKind.Cleared, Severity.Cleared)));
    }

    [Fact]
    public void A_notification_keeps_its_text_and_metadata_readable()
    {
        var record = EventRecords.Serialize(GatewayEvent.From(RecordSamples.Notification()));

        Assert.Equal(
            """{"recordType":"notification","schemaVersion":1,"eventId":"0b8f4a52-3c1e-4f7e-9d55-7f1b2c3d4e5f","time":"2026-11-26T08:00:01.25Z","node":"n1@host","group":"mongooseim","level":"error","message":"gen_server \"x\" crashed\nstack…","source":"logger","metadata":{"pid":"<0.42.0>","line":"12"}}""",
            Text(record));
        RecordSchemas.AssertValid(RecordTypeNames.Notification, record);
    }

    [Fact]
    public void A_node_event_has_its_job_group_and_reason()
    {
        var record = EventRecords.Serialize(GatewayEvent.From(RecordSamples.NodeDown()));

        Assert.Equal(
            """{"recordType":"node_event","schemaVersion":1,"eventId":"0b8f4a52-3c1e-4f7e-9d55-7f1b2c3d4e5f","time":"2026-11-26T08:00:01.25Z","node":"n1@host","job":"beam","group":"mongooseim","event":"node_down","reason":"timeout"}""",
            Text(record));
        RecordSchemas.AssertValid(RecordTypeNames.NodeEvent, record);
        var up = EventRecords.Serialize(GatewayEvent.From(new NodeEvent(Guid.NewGuid(), "n2@host", NodeEventKind.Up, RecordSamples.Time, null)));
        Assert.Contains("\"event\":\"node_up\",\"reason\":null", Text(up), StringComparison.Ordinal);
        RecordSchemas.AssertValid(RecordTypeNames.NodeEvent, up);
    }

    [Fact]
    public void Times_in_other_offsets_are_written_in_utc()
    {
        var local = RecordSamples.AlarmEvent() with { Time = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(2)) };

        using var json = JsonDocument.Parse(EventRecords.Serialize(GatewayEvent.From(local)));
        Assert.Equal("2026-11-26T08:00:00Z", json.RootElement.GetProperty("time").GetString());
    }

    [Fact]
    public void Record_types_have_their_wire_names()
    {
        Assert.Equal(RecordType.AlarmEvent, EventRecords.TypeOf(GatewayEvent.From(RecordSamples.AlarmEvent())));
        Assert.Equal(RecordType.Notification, EventRecords.TypeOf(GatewayEvent.From(RecordSamples.Notification())));
        Assert.Equal(RecordType.NodeEvent, EventRecords.TypeOf(GatewayEvent.From(RecordSamples.NodeDown())));
        Assert.Equal(["alarm_event", "alarm_state", "notification", "node_event", "metrics"], Enum.GetValues<RecordType>().Select(RecordTypeNames.Name));
        Assert.Equal(RecordTypeNames.All.Select(n => n + ".schema.json").Order(), Directory.GetFiles(RecordSchemas.Folder, "*.schema.json").Select(Path.GetFileName).Order());
    }
}
