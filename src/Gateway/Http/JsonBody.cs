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
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, ApiError.BadRequest($"the body is not valid JSON: {e.Message}"));
        }
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
