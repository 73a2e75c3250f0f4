using System.Text.Json;
using Gateway.Core.Events;

namespace Gateway.Core.Records;

/// <summary>
/// Turns gateway events into their published JSON records (UTF-8), the same bytes for every exporter
/// that sends records (Kafka, webhooks): <c>alarm_event</c>, <c>alarm_state</c>, <c>notification</c>,
/// <c>node_event</c>. Pure: no I/O, no clock. Field names and enum spellings are those of the HTTP API
/// (camelCase fields, lowercase severities, snake_case event kinds); each record type has a JSON Schema
/// in <c>docs/schemas/</c>. Metric snapshots: <see cref="MetricRecords"/>.
/// </summary>
public static class EventRecords
{
    /// <summary>
    /// The version of every record schema. Adding an optional field keeps it; removing or renaming a
    /// field, or changing a type or meaning, increments it.
    /// </summary>
    public const int SchemaVersion = 1;

    /// <summary><see cref="SchemaVersion"/> as header text.</summary>
    public static string SchemaVersionText { get; } = RecordFields.Decimal(SchemaVersion);

    /// <summary>The record type of <paramref name="e"/>: alarm event, notification or node event.</summary>
    public static RecordType TypeOf(GatewayEvent e) =>
        e.Alarm is not null ? RecordType.AlarmEvent
        : e.Notification is not null ? RecordType.Notification
        : e.NodeChange is not null ? RecordType.NodeEvent
        : throw new ArgumentException("the event holds nothing", nameof(e));

    /// <summary>The event's record: <c>alarm_event</c>, <c>notification</c> or <c>node_event</c>.</summary>
    public static byte[] Serialize(GatewayEvent e) => RecordBuffer.Serialize(e, Write);

    /// <summary>
    /// The <c>alarm_state</c> record after <paramref name="e"/>: the alarm as it is now. Null for a
    /// <see cref="AlarmEventKind.Cleared"/> event: the alarm is gone (a compacted topic's tombstone).
    /// </summary>
    public static byte[]? SerializeAlarmState(AlarmEvent e) =>
        e.Kind == AlarmEventKind.Cleared ? null : RecordBuffer.Serialize(e, WriteAlarmState);

    public static void Write(Utf8JsonWriter w, GatewayEvent e)
    {
        if (e.Alarm is { } a)
        {
            WriteAlarmEvent(w, a);
        }
        else if (e.Notification is { } n)
        {
            WriteNotification(w, n);
        }
        else if (e.NodeChange is { } node)
        {
            WriteNodeEvent(w, node);
        }
        else
        {
            throw new ArgumentException("the event holds nothing", nameof(e));
        }
    }

    public static void WriteAlarmEvent(Utf8JsonWriter w, AlarmEvent e)
    {
        w.WriteStartObject();
        RecordFields.WriteEnvelope(w, RecordTypeNames.AlarmEvent, e.EventId, e.Time, e.Alarm.Node);
        RecordFields.WriteOptional(w, "group", e.Alarm.Group);
        w.WriteString("event", EventNames.Of(e.Kind));
        w.WriteString("previousSeverity", Rules.SeverityNames.Name(e.PreviousSeverity));
        if (e.Comment is null)
        {
            w.WriteNull("comment");
        }
        else
        {
            w.WriteString("comment", e.Comment);
        }
        RecordFields.WriteAlarm(w, e.Alarm);
        w.WriteEndObject();
    }

    public static void WriteAlarmState(Utf8JsonWriter w, AlarmEvent e)
    {
        w.WriteStartObject();
        RecordFields.WriteEnvelope(w, RecordTypeNames.AlarmState, e.EventId, e.Time, e.Alarm.Node);
        RecordFields.WriteOptional(w, "group", e.Alarm.Group);
        w.WriteString("event", EventNames.Of(e.Kind));
        RecordFields.WriteAlarm(w, e.Alarm);
        w.WriteEndObject();
    }

    public static void WriteNotification(Utf8JsonWriter w, Notification n)
    {
        w.WriteStartObject();
        RecordFields.WriteEnvelope(w, RecordTypeNames.Notification, n.Id, n.Time, n.Node);
        RecordFields.WriteOptional(w, "group", n.Group);
        w.WriteString("level", n.Level);
        w.WriteString("message", n.Message);
        w.WriteString("source", n.Source);
        w.WriteStartObject("metadata");
        foreach (var (key, value) in n.Metadata)
        {
            w.WriteString(key, value);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteNodeEvent(Utf8JsonWriter w, NodeEvent e)
    {
        w.WriteStartObject();
        RecordFields.WriteEnvelope(w, RecordTypeNames.NodeEvent, e.EventId, e.Time, e.Node);
        RecordFields.WriteOptional(w, "job", e.Job);
        RecordFields.WriteOptional(w, "group", e.Group);
        w.WriteString("event", EventNames.Of(e.Kind));
        if (e.Reason is null)
        {
            w.WriteNull("reason");
        }
        else
        {
            w.WriteString("reason", e.Reason);
        }
        w.WriteEndObject();
    }
}
