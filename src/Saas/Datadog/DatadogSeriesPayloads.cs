using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace Gateway.Saas.Datadog;

/// <summary>
/// Packs points into <c>{"series":[…]}</c> bodies under Datadog's limits for the v2 series endpoint: a
/// body of at most 512,000 bytes as sent, which when compressed must inflate to less than 5,242,880
/// bytes. Uncompressed bodies are cut at the first limit; gzip bodies at the second, and a body whose
/// compressed size still exceeds the first is split in halves until it fits.
/// </summary>
public static class DatadogSeriesPayloads
{
    /// <summary>The largest body as sent (compressed or not).</summary>
    public const int MaxBody = 512_000;

    /// <summary>A compressed body must inflate to less than this.</summary>
    public const int MaxInflated = 5_242_880;

    private static readonly byte[] Head = """{"series":["""u8.ToArray();
    private static readonly byte[] Tail = "]}"u8.ToArray();

    /// <summary>The bodies for <paramref name="points"/>; a point that alone exceeds the limit is left out and counted in <paramref name="skipped"/>.</summary>
    public static List<DatadogSeriesPayload> Build(IReadOnlyList<DatadogPoint> points, bool gzip, out int skipped)
    {
        var limit = (gzip ? MaxInflated - 1 : MaxBody) - Head.Length - Tail.Length;
        var payloads = new List<DatadogSeriesPayload>();
        var series = new List<(DatadogPoint Point, byte[] Json)>();
        var size = 0;
        skipped = 0;
        foreach (var point in points)
        {
            var json = Serialize(point);
            if (json.Length > limit)
            {
                skipped++;
                continue;
            }
            if (series.Count > 0 && size + 1 + json.Length > limit)
            {
                Flush(series, gzip, payloads);
                series = [];
                size = 0;
            }
            size += (series.Count > 0 ? 1 : 0) + json.Length;
            series.Add((point, json));
        }
        if (series.Count > 0)
        {
            Flush(series, gzip, payloads);
        }
        return payloads;
    }

    private static void Flush(List<(DatadogPoint Point, byte[] Json)> series, bool gzip, List<DatadogSeriesPayload> payloads)
    {
        var body = Join(series);
        if (!gzip)
        {
            payloads.Add(new DatadogSeriesPayload(body, false, series.Select(s => s.Point).ToArray()));
            return;
        }
        var compressed = Compress(body);
        if (compressed.Length <= MaxBody || series.Count == 1)
        {
            payloads.Add(new DatadogSeriesPayload(compressed, true, series.Select(s => s.Point).ToArray()));
            return;
        }
        var half = series.Count / 2;
        Flush(series[..half], gzip, payloads);
        Flush(series[half..], gzip, payloads);
    }

    private static byte[] Join(List<(DatadogPoint Point, byte[] Json)> series)
    {
        var buffer = new ArrayBufferWriter<byte>(Head.Length + Tail.Length + series.Sum(s => s.Json.Length + 1));
        buffer.Write(Head);
        for (var i = 0; i < series.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }
            buffer.Write(series[i].Json);
        }
        buffer.Write(Tail);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 4);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }
        return output.ToArray();
    }

    /// <summary>
    /// <c>{"metric":…,"type":1,"interval":15,"points":[{"timestamp":…,"value":…}],"resources":[{"name":node,"type":"host"}],"tags":[…]}</c>
    /// </summary>
    public static byte[] Serialize(DatadogPoint point)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("metric", point.Metric);
            w.WriteNumber("type", (int)point.Type);
            if (point.Interval is { } interval)
            {
                w.WriteNumber("interval", interval);
            }
            w.WriteStartArray("points");
            w.WriteStartObject();
            w.WriteNumber("timestamp", point.Timestamp);
            w.WriteNumber("value", point.Value);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("resources");
            w.WriteStartObject();
            w.WriteString("name", point.Host);
            w.WriteString("type", "host");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("tags");
            foreach (var tag in point.Tags)
            {
                w.WriteStringValue(tag);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
