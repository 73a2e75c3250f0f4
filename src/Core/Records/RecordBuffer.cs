using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.Core.Records;

/// <summary>
/// One reusable buffer and <see cref="Utf8JsonWriter"/> per thread, so serialising a record allocates
/// only its result array. A buffer that grew past <see cref="KeepBytes"/> (a huge snapshot) is let go.
/// </summary>
internal static class RecordBuffer
{
    private const int KeepBytes = 1024 * 1024;

    // Records are not HTML: keep '<', '>', '&', quotes in Erlang pids and messages readable.
    internal static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the bytes written.</summary>
    public static byte[] Serialize<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            write(writer, state);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity > KeepBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
            else
            {
                writer.Reset();
            }
        }
    }
}
