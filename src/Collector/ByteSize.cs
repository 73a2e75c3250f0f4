using System.ComponentModel;
using System.Globalization;

namespace Gateway.Collector;

/// <summary>
/// A size in bytes that binds from configuration as a plain number (<c>1048576</c>) or with a unit:
/// <c>B</c>, <c>KB</c>/<c>MB</c>/<c>GB</c> (powers of 1000) and <c>KiB</c>/<c>MiB</c>/<c>GiB</c> (powers of 1024),
/// case-insensitive, optional space (<c>10MiB</c>, <c>512 KB</c>).
/// </summary>
[TypeConverter(typeof(ByteSizeConverter))]
public readonly record struct ByteSize(long Bytes)
{
    public static ByteSize FromMebibytes(long value) => new(value * 1024 * 1024);

    public static bool TryParse(string? text, out ByteSize size)
    {
        size = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var span = text.AsSpan().Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsAsciiLetter(span[unitStart - 1]))
        {
            unitStart--;
        }
        var number = span[..unitStart].Trim();
        var unit = span[unitStart..];
        long multiplier = unit.ToString().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "KB" or "K" => 1000,
            "MB" or "M" => 1000 * 1000,
            "GB" or "G" => 1000 * 1000 * 1000,
            "KIB" => 1024,
            "MIB" => 1024 * 1024,
            "GIB" => 1024 * 1024 * 1024,
            _ => 0,
        };
        if (multiplier == 0
            || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value > long.MaxValue / multiplier)
        {
            return false;
        }
        size = new ByteSize(value * multiplier);
        return true;
    }

    public static ByteSize Parse(string text) =>
        TryParse(text, out var size) ? size : throw new FormatException($"\"{text}\" is not a size (e.g. 10MiB, 512KB, 1048576)");

    public override string ToString() =>
        Bytes % (1024 * 1024) == 0 && Bytes != 0 ? $"{Bytes / (1024 * 1024)}MiB"
        : Bytes % 1024 == 0 && Bytes != 0 ? $"{Bytes / 1024}KiB"
        : Bytes.ToString(CultureInfo.InvariantCulture);
}
