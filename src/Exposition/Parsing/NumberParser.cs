using System.Buffers;
using System.Globalization;

namespace Gateway.Exposition;

/// <summary>
/// Sample values and timestamps as the formats spell them. Values: decimal floats with optional sign
/// and exponent, <c>NaN</c>, <c>Inf</c>/<c>Infinity</c> with optional sign (case-insensitive, as
/// OpenMetrics' ABNF and Go's ParseFloat allow); no hex floats, no digit separators.
/// </summary>
internal static class NumberParser
{
    private static readonly SearchValues<byte> FloatChars = SearchValues.Create("0123456789+-.eE"u8);

    public static bool TryParseFloat(ReadOnlySpan<byte> text, out double value)
    {
        // Counters and gauges are mostly small integers: exact in a double, no need for the general parser.
        if ((uint)(text.Length - 1) < 15u)
        {
            long accumulated = 0;
            var i = 0;
            for (; i < text.Length; i++)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9)
                {
                    break;
                }
                accumulated = (accumulated * 10) + digit;
            }
            if (i == text.Length)
            {
                value = accumulated;
                return true;
            }
        }
        return TryParseDecimal(text, out value) || TryParseFloatSlow(text, out value);
    }

    private static readonly double[] PowersOf10 =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// <c>[-]digits[.digits]</c> with at most 15 digits: the integer mantissa and the power of ten are
    /// both exact doubles, so one IEEE division gives the correctly rounded result (Clinger's fast path),
    /// the same double the general parser would return.
    /// </summary>
    private static bool TryParseDecimal(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var negative = !text.IsEmpty && text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }
        if (text.IsEmpty || text.Length > 16)
        {
            return false;
        }
        long mantissa = 0;
        var digits = 0;
        var fractionDigits = -1;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                digits++;
                if (fractionDigits >= 0)
                {
                    fractionDigits++;
                }
            }
            else if (b == '.' && fractionDigits < 0)
            {
                fractionDigits = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits is 0 or > 15)
        {
            return false;
        }
        var result = fractionDigits > 0 ? mantissa / PowersOf10[fractionDigits] : mantissa;
        value = negative ? -result : result;
        return true;
    }

    private static bool TryParseFloatSlow(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }
        if (text.ContainsAnyExcept(FloatChars))
        {
            return TryParseSpecial(text, out value);
        }
        // Only digits, signs, '.', 'e' reach the BCL parser, so it cannot accept spellings the
        // formats don't ("Infinity" is handled above, "∞", white space, thousands separators).
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseSpecial(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var negative = false;
        var signed = false;
        if (text[0] is (byte)'+' or (byte)'-')
        {
            negative = text[0] == '-';
            signed = true;
            text = text[1..];
        }
        if (text.Length is 3 or 8 && (EqualsIgnoreCase(text, "inf"u8) || EqualsIgnoreCase(text, "infinity"u8)))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (!signed && EqualsIgnoreCase(text, "nan"u8))
        {
            value = double.NaN;
            return true;
        }
        return false;
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerAscii)
    {
        if (text.Length != lowerAscii.Length)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] | 0x20) != lowerAscii[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether a label value (<c>le</c>, <c>quantile</c>) is a float in the sample-value grammar.</summary>
    public static bool IsFloat(string text)
    {
        if (text.Length is 0 or > 128)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[128];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                return false;
            }
            bytes[i] = (byte)text[i];
        }
        return TryParseFloat(bytes[..text.Length], out _);
    }

    /// <summary>Text format 0.0.4 timestamp: a signed 64-bit integer of Unix milliseconds.</summary>
    public static bool TryParseMilliseconds(ReadOnlySpan<byte> text, out long milliseconds)
    {
        milliseconds = 0;
        var negative = false;
        if (!text.IsEmpty && text[0] is (byte)'+' or (byte)'-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        if (text.IsEmpty)
        {
            return false;
        }
        ulong accumulated = 0;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9 || accumulated > ((ulong)long.MaxValue - digit) / 10)
            {
                return false;
            }
            accumulated = (accumulated * 10) + digit;
        }
        milliseconds = negative ? -(long)accumulated : (long)accumulated;
        return true;
    }

    /// <summary>
    /// OpenMetrics timestamp: float seconds, converted to Unix milliseconds (truncated). Plain decimals
    /// are converted exactly (1520879607.789 → 1520879607789) rather than through a double.
    /// </summary>
    public static bool TryParseSecondsAsMilliseconds(ReadOnlySpan<byte> text, out long milliseconds)
    {
        if (TryParseDecimalSeconds(text, out milliseconds))
        {
            return true;
        }
        milliseconds = 0;
        if (!TryParseFloat(text, out var seconds) || !double.IsFinite(seconds))
        {
            return false;
        }
        var scaled = Math.Truncate(seconds * 1000);
        if (scaled is >= 9.2e18 or <= -9.2e18)
        {
            return false;
        }
        milliseconds = (long)scaled;
        return true;
    }

    private static bool TryParseDecimalSeconds(ReadOnlySpan<byte> text, out long milliseconds)
    {
        milliseconds = 0;
        var negative = false;
        if (!text.IsEmpty && text[0] is (byte)'+' or (byte)'-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        var dot = text.IndexOf((byte)'.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? default : text[(dot + 1)..];
        if (whole.IsEmpty || whole.Length > 15 || (dot >= 0 && fraction.IsEmpty))
        {
            return false;
        }
        long result = 0;
        foreach (var b in whole)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }
            result = (result * 10) + digit;
        }
        for (var i = 0; i < fraction.Length; i++)
        {
            var digit = (uint)(fraction[i] - '0');
            if (digit > 9)
            {
                return false;
            }
            if (i < 3)
            {
                result = (result * 10) + digit;
            }
        }
        for (var i = fraction.Length; i < 3; i++)
        {
            result *= 10;
        }
        milliseconds = negative ? -result : result;
        return true;
    }
}
