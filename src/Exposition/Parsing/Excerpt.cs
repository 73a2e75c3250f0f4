using System.Globalization;
using System.Text;

namespace Gateway.Exposition;

/// <summary>
/// Quotes a bounded, printable excerpt of untrusted input for an error message: at most
/// <see cref="MaxBytes"/> bytes, anything outside printable ASCII shown as <c>\xNN</c>.
/// </summary>
internal static class Excerpt
{
    public const int MaxBytes = 80;

    public static string Quote(ReadOnlySpan<byte> input)
    {
        var count = Math.Min(input.Length, MaxBytes);
        var builder = new StringBuilder(count + 8);
        builder.Append('"');
        foreach (var b in input[..count])
        {
            if (b is >= 0x20 and < 0x7F)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        builder.Append('"');
        if (input.Length > count)
        {
            builder.Append("...");
        }
        return builder.ToString();
    }

    public static string Quote(string input)
    {
        // Only the first MaxBytes characters can reach the message; don't encode the rest.
        var head = input.Length > MaxBytes ? input.AsSpan(0, MaxBytes) : input.AsSpan();
        var quoted = Quote(Encoding.UTF8.GetBytes(head.ToArray()));
        return input.Length > MaxBytes && !quoted.EndsWith("...", StringComparison.Ordinal) ? quoted + "..." : quoted;
    }
}
