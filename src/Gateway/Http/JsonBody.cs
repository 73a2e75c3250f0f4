using System.Text.Json;

namespace Gateway.Http;

/// <summary>Reads a bounded JSON object body, so malformed or oversized input is a clear 4xx, never a 500.</summary>
internal static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(JsonElement Body, IResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBytes)
        {
            return (default, ApiError.Result(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxBytes} bytes"));
        }
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (default, ApiError.Result(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxBytes} bytes"));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (default, ApiError.BadRequest("the body is empty; a JSON object is expected"));
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (default, ApiError.BadRequest("the body must be a JSON object"));
            }
            if (FindUndecodable(document.RootElement) is { } where)
            {
                return (default, ApiError.BadRequest($"the body holds text that is not valid UTF-8 or has a lone surrogate ({where})"));
            }
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, ApiError.BadRequest($"the body is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>
    /// The parser checks structure, not text: invalid UTF-8 (<c>\xff</c>, an overlong <c>\xc0\xaf</c>) or an
    /// escaped lone surrogate (<c>"\ud800"</c>) only fails when a string is read, deep inside a handler.
    /// Every name and string is decoded here once, so such a body is a 400 before anything changes.
    /// </summary>
    private static string? FindUndecodable(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!IsWellFormed(property.Name))
                        {
                            return "a lone surrogate";
                        }
                        if (FindUndecodable(property.Value) is { } inner)
                        {
                            return inner;
                        }
                    }
                    return null;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (FindUndecodable(item) is { } inner)
                        {
                            return inner;
                        }
                    }
                    return null;
                case JsonValueKind.String:
                    return IsWellFormed(element.GetString()!) ? null : "a lone surrogate";
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return "a name or string that cannot be decoded";
        }
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A string property: null when absent; an error when present but not a string or too long.</summary>
    public static bool TryGetString(JsonElement body, string name, int maxLength, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!body.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (property.ValueKind != JsonValueKind.String)
        {
            error = $"\"{name}\" must be a string";
            return false;
        }
        value = property.GetString()!;
        if (value.Length > maxLength)
        {
            error = $"\"{name}\" is longer than {maxLength} characters";
            return false;
        }
        return true;
    }
}
