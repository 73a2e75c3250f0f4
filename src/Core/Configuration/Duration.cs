using System.Globalization;

namespace Gateway.Core.Configuration;

/// <summary>Parses and formats Prometheus-style durations: a sequence of number+unit (ms, s, m, h, d, w).</summary>
public static class Duration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        if (s.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out value);
        }
        if (s == "0")
        {
            return true;
        }
        var total = 0.0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }
            if (i == start || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }
            double? factor = s.AsSpan(unitStart, i - unitStart) switch
            {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                "w" => 604_800_000,
                _ => null,
            };
            if (factor is null)
            {
                return false;
            }
            total += number * factor.Value;
        }
        if (double.IsInfinity(total) || total > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }
        value = TimeSpan.FromMilliseconds(total);
        return true;
    }

    /// <summary>Formats like Prometheus ("1m30s", "500ms").</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }
        var parts = new System.Text.StringBuilder();
        var ms = (long)value.TotalMilliseconds;
        void Part(long unit, string suffix)
        {
            if (ms >= unit)
            {
                parts.Append(CultureInfo.InvariantCulture, $"{ms / unit}{suffix}");
                ms %= unit;
            }
        }
        Part(86_400_000, "d");
        Part(3_600_000, "h");
        Part(60_000, "m");
        Part(1_000, "s");
        Part(1, "ms");
        return parts.ToString();
    }
}
