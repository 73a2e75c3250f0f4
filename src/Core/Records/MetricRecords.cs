using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.Core.Metrics;
using Gateway.Core.Streaming;

namespace Gateway.Core.Records;

/// <summary>
/// Turns a node's metric snapshot into <c>metrics</c> records: the whole node in one record, or one
/// record per family. Series carry their labels as on <c>/metrics</c> (<c>instance</c>, <c>job</c>,
/// target labels, <see cref="SnapshotLabels"/>). Non-finite values are the strings <c>"NaN"</c>,
/// <c>"+Inf"</c>, <c>"-Inf"</c>. Pure; schema in <c>docs/schemas/metrics.schema.json</c>.
/// </summary>
public static class MetricRecords
{
    /// <summary>The whole snapshot as one record.</summary>
    public static byte[] Serialize(StreamedSnapshot snapshot) =>
        RecordBuffer.Serialize(snapshot, static (w, s) => Write(w, s, s.Families, RecordId(s, null)));

    /// <summary>One family of the snapshot as one record (a family of <see cref="StreamedSnapshot.Families"/>).</summary>
    public static byte[] Serialize(StreamedSnapshot snapshot, MetricFamily family) =>
        RecordBuffer.Serialize((snapshot, family), static (w, s) => Write(w, s.snapshot, [s.family], RecordId(s.snapshot, s.family.Name)));

    /// <summary>
    /// The record's id: derived from node, job, collection time and family (when one record per
    /// family), so the same snapshot published twice has the same id and consumers can de-duplicate.
    /// </summary>
    public static Guid RecordId(StreamedSnapshot snapshot, string? family)
    {
        var node = snapshot.Node;
        var text = string.Concat(node.Job, "\0", node.Instance, "\0", family ?? string.Empty);
        var length = Encoding.UTF8.GetByteCount(text) + sizeof(long);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        BinaryPrimitives.WriteInt64BigEndian(input, snapshot.Time.UtcTicks);
        Encoding.UTF8.GetBytes(text, input[sizeof(long)..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        // RFC 9562 version 8 (custom), variant 10.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    public static void Write(Utf8JsonWriter w, StreamedSnapshot snapshot, IReadOnlyList<MetricFamily> families, Guid id)
    {
        w.WriteStartObject();
        RecordFields.WriteEnvelope(w, RecordTypeNames.Metrics, id, snapshot.Time, snapshot.Node.Instance);
        w.WriteString("job", snapshot.Node.Job);
        w.WriteStartArray("families");
        foreach (var family in families)
        {
            WriteFamily(w, family);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFamily(Utf8JsonWriter w, MetricFamily family)
    {
        w.WriteStartObject();
        w.WriteString("name", family.Name);
        w.WriteString("type", TypeName(family.Type));
        w.WriteString("help", family.Help);
        if (family.Unit.Length > 0)
        {
            w.WriteString("unit", family.Unit);
        }
        w.WriteStartArray("samples");
        foreach (var sample in family.Samples)
        {
            w.WriteStartObject();
            w.WriteString("name", sample.Name);
            w.WriteStartObject("labels");
            foreach (var label in sample.Labels.AsSpan())
            {
                w.WriteString(label.Name, label.Value);
            }
            w.WriteEndObject();
            RecordFields.WriteSampleValue(w, sample.Value);
            if (sample.TimestampMs is { } ms)
            {
                w.WriteNumber("timestampMs", ms);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The family type as OpenMetrics spells it, except <c>untyped</c> (the 0.0.4 text format's word).</summary>
    public static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        MetricType.Summary => "summary",
        MetricType.Info => "info",
        MetricType.StateSet => "stateset",
        MetricType.GaugeHistogram => "gaugehistogram",
        _ => "untyped",
    };
}
