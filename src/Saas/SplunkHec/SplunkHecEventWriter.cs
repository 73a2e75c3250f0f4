using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Rules;

namespace Gateway.Saas.SplunkHec;

/// <summary>
/// Writes one gateway event in HEC's JSON envelope:
/// <c>{"time":1767323045.123,"host":node,"source":…,"sourcetype":…,"index":…,"event":{…},"fields":{"node":…,"severity":…,"type":…}}</c>.
/// <c>time</c> is epoch seconds with milliseconds; <c>event</c> is a flat object (Splunk extracts its
/// keys at search time); <c>fields</c> are indexed fields (strings), for fast <c>node::n1@host</c> searches.
/// </summary>
public sealed class SplunkHecEventWriter
{
    public const string AlarmSourcetype = "gateway:alarm";
    public const string NotificationSourcetype = "gateway:notification";
    public const string NodeSourcetype = "gateway:node";

    private readonly string _source;
    private readonly string? _sourcetype;
    private readonly string? _index;

    public SplunkHecEventWriter(string source, string? sourcetype, string? index)
    {
        _source = source;
        _sourcetype = sourcetype;
        _index = index;
    }

    public byte[] Write(GatewayEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("time", decimal.Divide(e.Time.ToUnixTimeMilliseconds(), 1000m));
            switch (e)
            {
                case { Alarm: { } a }:
                    Envelope(w, a.Alarm.Node, AlarmSourcetype);
                    Alarm(w, e.Id, a);
                    Fields(w, a.Alarm.Node, SeverityNames.Name(a.Alarm.Severity), a.Alarm.Type);
                    break;
                case { Notification: { } n }:
                    Envelope(w, n.Node, NotificationSourcetype);
                    Notification(w, n);
                    Fields(w, n.Node, n.Level, null);
                    break;
                case { NodeChange: { } n }:
                    Envelope(w, n.Node, NodeSourcetype);
                    Node(w, n);
                    Fields(w, n.Node, null, null);
                    break;
                default:
                    throw new ArgumentException("an empty gateway event", nameof(e));
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void Envelope(Utf8JsonWriter w, string host, string sourcetype)
    {
        w.WriteString("host", host);
        w.WriteString("source", _source);
        w.WriteString("sourcetype", _sourcetype ?? sourcetype);
        if (_index is not null)
        {
            w.WriteString("index", _index);
        }
    }

    private static void Alarm(Utf8JsonWriter w, Guid id, AlarmEvent e)
    {
        var alarm = e.Alarm;
        w.WriteStartObject("event");
        w.WriteString("kind", "alarm");
        w.WriteString("event", EventNames.Of(e.Kind));
        w.WriteString("eventId", id);
        w.WriteString("alarmId", alarm.Id);
        w.WriteString("node", alarm.Node);
        w.WriteString("type", alarm.Type);
        w.WriteString("resource", alarm.Resource);
        w.WriteString("severity", SeverityNames.Name(alarm.Severity));
        w.WriteString("previousSeverity", SeverityNames.Name(e.PreviousSeverity));
        w.WriteString("description", alarm.Description);
        w.WriteBoolean("acknowledged", alarm.Acknowledged);
        w.WriteString("raisedAt", alarm.RaisedAt);
        w.WriteString("updatedAt", alarm.UpdatedAt);
        if (alarm.Value is { } value && double.IsFinite(value))
        {
            w.WriteNumber("value", value);
        }
        if (alarm.Threshold is { } threshold && double.IsFinite(threshold))
        {
            w.WriteNumber("threshold", threshold);
        }
        if (alarm.Group is not null)
        {
            w.WriteString("group", alarm.Group);
        }
        if (e.Comment is not null)
        {
            w.WriteString("comment", e.Comment);
        }
        w.WriteEndObject();
    }

    private static void Notification(Utf8JsonWriter w, Notification n)
    {
        w.WriteStartObject("event");
        w.WriteString("kind", "notification");
        w.WriteString("event", "notification");
        w.WriteString("eventId", n.Id);
        w.WriteString("node", n.Node);
        w.WriteString("level", n.Level);
        w.WriteString("message", n.Message);
        w.WriteString("source", n.Source);
        if (n.Group is not null)
        {
            w.WriteString("group", n.Group);
        }
        w.WriteStartObject("metadata");
        foreach (var (key, value) in n.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            w.WriteString(key, value);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Node(Utf8JsonWriter w, NodeEvent n)
    {
        w.WriteStartObject("event");
        w.WriteString("kind", "node");
        w.WriteString("event", EventNames.Of(n.Kind));
        w.WriteString("eventId", n.EventId);
        w.WriteString("node", n.Node);
        if (n.Job is not null)
        {
            w.WriteString("job", n.Job);
        }
        if (n.Group is not null)
        {
            w.WriteString("group", n.Group);
        }
        if (n.Reason is not null)
        {
            w.WriteString("reason", n.Reason);
        }
        w.WriteEndObject();
    }

    private static void Fields(Utf8JsonWriter w, string node, string? severity, string? type)
    {
        w.WriteStartObject("fields");
        w.WriteString("node", node);
        if (severity is not null)
        {
            w.WriteString("severity", severity);
        }
        if (type is not null)
        {
            w.WriteString("type", type);
        }
        w.WriteEndObject();
    }

}
