using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Gateway.Http;

/// <summary>
/// A <c>?limit=</c> read as text: a bound <c>int?</c> parameter that fails to parse is a 400 with an empty
/// body from the framework; this one always says why, as <c>{"error": …}</c>.
/// </summary>
internal static class QueryLimit
{
    public static bool TryParse(string? text, int fallback, int max, out int limit, [NotNullWhen(false)] out IResult? error)
    {
        error = null;
        limit = fallback;
        if (text is null)
        {
            return true;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > max)
        {
            error = ApiError.BadRequest($"limit must be a whole number between 1 and {max}");
            return false;
        }
        return true;
    }
}
