using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gateway.Exposition;

/// <summary>
/// Pure writers for the pieces of an exposition: a family's declaration lines, names, escaped label
/// values and help texts, sample values and timestamps, as UTF-8 into an <see cref="IBufferWriter{T}"/>.
/// Names are written as given: the caller passes valid metric and label names.
/// </summary>
public static class ExpositionText
{
    private static readonly SearchValues<char> LabelValueSpecials = SearchValues.Create("\\\"\n");
    private static readonly SearchValues<char> TextHelpSpecials = SearchValues.Create("\\\n");

    public static void WriteByte(IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    public static void WriteBytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8, unescaped (metric and label names).</summary>
    public static void WriteString(IBufferWriter<byte> writer, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>Label values escape backslash, double quote and line feed in both formats.</summary>
    public static void WriteLabelValue(IBufferWriter<byte> writer, string value) =>
        WriteEscaped(writer, value, LabelValueSpecials);

    /// <summary>
    /// HELP text: 0.0.4 escapes only backslash and line feed (its parser rejects <c>\"</c> in HELP);
    /// OpenMetrics escapes the double quote too, as in label values.
    /// </summary>
    public static void WriteHelp(IBufferWriter<byte> writer, string help, ExpositionFormat format) =>
        WriteEscaped(writer, help, format == ExpositionFormat.OpenMetrics ? LabelValueSpecials : TextHelpSpecials);

    /// <summary>
    /// A family's declaration: <c># HELP</c> (when <paramref name="help"/> is not empty), <c># TYPE</c>
    /// with the type token as given (<c>counter</c>, <c>untyped</c>, <c>unknown</c> …) and, in OpenMetrics,
    /// <c># UNIT</c> when the name ends with <c>_</c> + <paramref name="unit"/> (the spec requires it;
    /// a unit that does not fit the name is left out).
    /// </summary>
    public static void WriteDeclaration(IBufferWriter<byte> writer, string name, string type, string help, string unit, ExpositionFormat format)
    {
        if (help.Length > 0)
        {
            WriteBytes(writer, "# HELP "u8);
            WriteString(writer, name);
            WriteByte(writer, (byte)' ');
            WriteHelp(writer, help, format);
            WriteByte(writer, (byte)'\n');
        }
        WriteBytes(writer, "# TYPE "u8);
        WriteString(writer, name);
        WriteByte(writer, (byte)' ');
        WriteString(writer, type);
        WriteByte(writer, (byte)'\n');
        if (format == ExpositionFormat.OpenMetrics && unit.Length > 0
            && name.Length > unit.Length + 1
            && name.EndsWith(unit, StringComparison.Ordinal)
            && name[name.Length - unit.Length - 1] == '_')
        {
            WriteBytes(writer, "# UNIT "u8);
            WriteString(writer, name);
            WriteByte(writer, (byte)' ');
            WriteString(writer, unit);
            WriteByte(writer, (byte)'\n');
        }
    }

    /// <summary><c>name="value"</c> with the value escaped.</summary>
    public static void WriteLabelPair(IBufferWriter<byte> writer, string name, string value)
    {
        WriteString(writer, name);
        WriteBytes(writer, "=\""u8);
        WriteLabelValue(writer, value);
        WriteByte(writer, (byte)'"');
    }

    /// <summary>
    /// Prometheus-compatible float text: <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>, integral values below
    /// 2^53 without exponent or fraction, everything else the shortest round-trip form.
    /// </summary>
    public static void WriteValue(IBufferWriter<byte> writer, double value) =>
        writer.Advance(FormatValue(writer.GetSpan(MaxNumberLength), value));

    /// <summary>0.0.4 timestamps are integer milliseconds; OpenMetrics timestamps are seconds.</summary>
    public static void WriteTimestamp(IBufferWriter<byte> writer, long timestampMs, ExpositionFormat format) =>
        writer.Advance(FormatTimestamp(writer.GetSpan(MaxNumberLength), timestampMs, format));

    /// <summary>Room enough for any value or timestamp text.</summary>
    public const int MaxNumberLength = 32;

    /// <summary>Writes a value into <paramref name="span"/> (at least <see cref="MaxNumberLength"/> bytes); returns the length.</summary>
    public static int FormatValue(Span<byte> span, double value)
    {
        int written;
        if (double.IsNaN(value))
        {
            "NaN"u8.CopyTo(span);
            return 3;
        }
        if (double.IsPositiveInfinity(value))
        {
            "+Inf"u8.CopyTo(span);
            return 4;
        }
        if (double.IsNegativeInfinity(value))
        {
            "-Inf"u8.CopyTo(span);
            return 4;
        }
        if (Math.Abs(value) < 9007199254740992d && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value)))
        {
            ((long)value).TryFormat(span, out written, default, CultureInfo.InvariantCulture);
            return written;
        }
        value.TryFormat(span, out written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>Writes a timestamp into <paramref name="span"/> (at least <see cref="MaxNumberLength"/> bytes); returns the length.</summary>
    public static int FormatTimestamp(Span<byte> span, long timestampMs, ExpositionFormat format)
    {
        int written;
        if (format == ExpositionFormat.PrometheusText)
        {
            timestampMs.TryFormat(span, out written, default, CultureInfo.InvariantCulture);
            return written;
        }
        var seconds = Math.DivRem(timestampMs, 1000, out var millis);
        if (millis < 0)
        {
            seconds--;
            millis += 1000;
        }
        seconds.TryFormat(span, out written, default, CultureInfo.InvariantCulture);
        if (millis != 0)
        {
            span[written++] = (byte)'.';
            span[written++] = (byte)('0' + (millis / 100));
            if (millis % 100 != 0)
            {
                span[written++] = (byte)('0' + (millis / 10 % 10));
                if (millis % 10 != 0)
                {
                    span[written++] = (byte)('0' + (millis % 10));
                }
            }
        }
        return written;
    }

    private static void WriteEscaped(IBufferWriter<byte> writer, string value, SearchValues<char> specials)
    {
        var span = value.AsSpan();
        var index = span.IndexOfAny(specials);
        if (index < 0)
        {
            WriteString(writer, value);
            return;
        }
        while (index >= 0)
        {
            WriteChars(writer, span[..index]);
            var c = span[index];
            WriteByte(writer, (byte)'\\');
            WriteByte(writer, c == '\n' ? (byte)'n' : (byte)c);
            span = span[(index + 1)..];
            index = span.IndexOfAny(specials);
        }
        WriteChars(writer, span);
    }

    private static void WriteChars(IBufferWriter<byte> writer, ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        writer.Advance(Encoding.UTF8.GetBytes(chars, span));
    }
}
