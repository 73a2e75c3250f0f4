namespace Gateway.Http;

/// <summary>The JSON error body of every API endpoint: <c>{"error": "…"}</c>.</summary>
internal static class ApiError
{
    public static IResult Result(int status, string message) => Results.Json(new ErrorBody(message), statusCode: status);

    public static IResult BadRequest(string message) => Result(StatusCodes.Status400BadRequest, message);

    public static IResult NotFound(string message) => Result(StatusCodes.Status404NotFound, message);

    private sealed record ErrorBody(string Error);
}
