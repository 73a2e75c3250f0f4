using System.Globalization;
using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>A float (IEEE 754 double). Equality is bitwise, so 0.0 and -0.0 differ (as in OTP 27's <c>=:=</c>).</summary>
public sealed class ErlangFloat : ErlangTerm
{
    public ErlangFloat(double value)
    {
        Value = value;
    }

    public double Value { get; }

    public override bool Equals(ErlangTerm? other) =>
        other is ErlangFloat f && BitConverter.DoubleToInt64Bits(f.Value) == BitConverter.DoubleToInt64Bits(Value);

    public override int GetHashCode() => HashCode.Combine(BitConverter.DoubleToInt64Bits(Value));

    public override void AppendTo(StringBuilder builder) => builder.Append(Format(Value));

    /// <summary>
    /// Formats like Erlang's <c>~w</c>: the shortest digits that read back to the same double, in
    /// fixed or scientific notation, whichever is shorter (fixed on a tie), and always scientific from 2^53
    /// up: <c>100.0</c>, <c>1.0e4</c>, <c>1234567.0</c>, <c>9.007199254740992e15</c>.
    /// </summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            // Erlang has no NaN or infinity; only reachable for terms built in C#.
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        // "R" gives the shortest round-trip digits, e.g. "1.2345E+16", "0.0001", "1E-05".
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        ExtractDigits(shortest, out var digits, out var exponent);

        var sciForm = FormatScientific(digits, exponent);
        var chosen = sciForm;
        // OTP's float_to_list(F, [short]) only writes fixed notation below 2^53, where every integer
        // is exact (9007199254740992.0 prints as 9.007199254740992e15).
        if (Math.Abs(value) < 9007199254740992.0)
        {
            var fixedForm = FormatFixed(digits, exponent);
            chosen = sciForm.Length < fixedForm.Length ? sciForm : fixedForm;
        }

        return negative ? "-" + chosen : chosen;
    }

    // digits: significant digits without leading/trailing zeros ("12345"); exponent: the power of ten
    // of the first digit (1.2345e16 -> 16).
    private static void ExtractDigits(string shortest, out string digits, out int exponent)
    {
        var ePos = shortest.IndexOfAny(['E', 'e']);
        var mantissa = ePos < 0 ? shortest : shortest[..ePos];
        var exp10 = ePos < 0 ? 0 : int.Parse(shortest.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var all = intPart + fracPart;
        var firstNonZero = 0;
        while (firstNonZero < all.Length && all[firstNonZero] == '0')
        {
            firstNonZero++;
        }

        if (firstNonZero == all.Length)
        {
            digits = "0";
            exponent = 0;
            return;
        }

        // Position of the first significant digit relative to the decimal point.
        exponent = intPart.Length - 1 - firstNonZero + exp10;
        digits = all[firstNonZero..].TrimEnd('0');
    }

    private static string FormatFixed(string digits, int exponent)
    {
        var sb = new StringBuilder();
        if (exponent < 0)
        {
            sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            return sb.ToString();
        }

        if (digits.Length <= exponent + 1)
        {
            sb.Append(digits).Append('0', exponent + 1 - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
        }

        return sb.ToString();
    }

    private static string FormatScientific(string digits, int exponent)
    {
        var sb = new StringBuilder();
        sb.Append(digits[0]).Append('.');
        if (digits.Length > 1)
        {
            sb.Append(digits, 1, digits.Length - 1);
        }
        else
        {
            sb.Append('0');
        }

        sb.Append('e').Append(exponent.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
