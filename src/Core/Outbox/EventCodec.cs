using System.Text.Json;
using Gateway.Core.Events;

namespace Gateway.Core.Outbox;

/// <summary>Turns a <see cref="GatewayEvent"/> into UTF-8 JSON and back (outbox rows, alarm history).</summary>
internal static class EventCodec
{
    public static EventKind KindOf(GatewayEvent e) =>
        e.Alarm is not null ? EventKind.Alarm : e.Notification is not null ? EventKind.Notification : EventKind.Node;

    public static byte[] Encode(GatewayEvent e) =>
        JsonSerializer.SerializeToUtf8Bytes(new StoredEvent(e.Alarm, e.Notification, e.NodeChange), EventJsonContext.Default.StoredEvent);

    /// <summary>Decodes a row; a malformed payload is an <see cref="InvalidDataException"/>.</summary>
    public static GatewayEvent Decode(ReadOnlySpan<byte> utf8)
    {
        StoredEvent? stored;
        try
        {
            stored = JsonSerializer.Deserialize(utf8, EventJsonContext.Default.StoredEvent);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("outbox row is not a valid event: " + ex.Message, ex);
        }
        return stored switch
        {
            { Alarm: { } a } => GatewayEvent.From(a),
            { Notification: { } n } => GatewayEvent.From(n),
            { Node: { } n } => GatewayEvent.From(n),
            _ => throw new InvalidDataException("outbox row holds no event"),
        };
    }

    public static byte[] EncodeAlarmEvent(AlarmEvent e) =>
        JsonSerializer.SerializeToUtf8Bytes(e, EventJsonContext.Default.AlarmEvent);

    public static AlarmEvent DecodeAlarmEvent(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, EventJsonContext.Default.AlarmEvent)
        ?? throw new InvalidDataException("alarm event row is empty");

    public static byte[] EncodeAlarm(Alarm a) => JsonSerializer.SerializeToUtf8Bytes(a, EventJsonContext.Default.Alarm);

    public static Alarm DecodeAlarm(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, EventJsonContext.Default.Alarm)
        ?? throw new InvalidDataException("alarm row is empty");
}
