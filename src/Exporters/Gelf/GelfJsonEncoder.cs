using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// Encodes a <see cref="GelfMessage"/> as GELF 1.1 JSON: <c>version</c>, <c>host</c>,
/// <c>short_message</c>, <c>full_message</c> (when set), <c>timestamp</c> (UNIX seconds with
/// milliseconds as decimals), <c>level</c>, then the additional fields. Pure: bytes out, no I/O.
/// Control characters are escaped, so the output never holds a 0x00 byte (TCP's frame delimiter).
/// </summary>
public static class GelfJsonEncoder
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Non-ASCII text as UTF-8, not \uXXXX: smaller, and still valid JSON for every receiver.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static byte[] Encode(GelfMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Encode(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Encode(GelfMessage message, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("version"u8, "1.1"u8);
        writer.WriteString("host"u8, string.IsNullOrWhiteSpace(message.Host) ? "-" : message.Host);
        // Graylog refuses a message whose short_message is empty or blank.
        writer.WriteString("short_message"u8, string.IsNullOrWhiteSpace(message.ShortMessage) ? "-" : message.ShortMessage);
        if (!string.IsNullOrEmpty(message.FullMessage))
        {
            writer.WriteString("full_message"u8, message.FullMessage);
        }
        writer.WriteNumber("timestamp"u8, message.Timestamp.ToUnixTimeMilliseconds() / 1000m);
        writer.WriteNumber("level"u8, message.Level);
        if (message.Fields is { Count: > 0 } fields)
        {
            WriteFields(writer, fields);
        }
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyList<GelfField> fields)
    {
        HashSet<string>? written = fields.Count > 1 ? new HashSet<string>(fields.Count, StringComparer.Ordinal) : null;
        foreach (var field in fields)
        {
            var name = GelfFieldNames.Sanitise(field.Name);
            if (written is not null && !written.Add(name))
            {
                continue;
            }
            if (field.Number is { } number)
            {
                if (double.IsFinite(number))
                {
                    writer.WriteNumber(name, number);
                }
                else
                {
                    // JSON has no NaN or infinity: keep the value readable as text.
                    writer.WriteString(name, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                writer.WriteString(name, field.Text ?? string.Empty);
            }
        }
    }
}
