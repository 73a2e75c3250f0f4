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

    // One buffer, writer and name set per thread: encoding then allocates little beyond the result.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static HashSet<string>? t_names;

    public static byte[] Encode(GelfMessage message)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        Encode(message, buffer);
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1024 * 1024)
        {
            t_buffer = null;
        }
        return bytes;
    }

    public static void Encode(GelfMessage message, IBufferWriter<byte> output)
    {
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(output, WriterOptions);
        }
        else
        {
            writer.Reset(output);
        }
        try
        {
            Write(writer, message);
        }
        finally
        {
            writer.Reset();
        }
    }

    private static void Write(Utf8JsonWriter writer, GelfMessage message)
    {
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
        var written = t_names ??= new HashSet<string>(StringComparer.Ordinal);
        written.Clear();
        foreach (var field in fields)
        {
            var name = GelfFieldNames.Sanitise(field.Name);
            if (!written.Add(name))
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
